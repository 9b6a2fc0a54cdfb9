import { useEffect, useState } from 'react';

/**
 * A `blob:` URL for bytes loaded on demand, revoked when the component unmounts or `key`
 * changes: a URL keeps its bytes in memory for as long as it lives, so none outlives its use.
 * Null until loaded, when `load` is null, or when there are no bytes.
 */
export function useBlobUrl(
  load: (() => Promise<Blob | undefined>) | null,
  key: string,
): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!load) return;
    let active = true;
    let made: string | null = null;
    load().then(
      (blob) => {
        if (!active || !blob) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      // A thumbnail that cannot be read is left out; the item still shows its name.
      () => undefined,
    );
    return () => {
      active = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
    };
    // `load` is a new function each render; `key` says when it loads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, load === null]);
  return url;
}
