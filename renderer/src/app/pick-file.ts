/**
 * Opens the system's file chooser and resolves the files chosen (none if cancelled). An input
 * made on demand, not kept in the page: nothing to label, nothing for Tab to land on.
 */
export function pickFiles(accept: string, options: { multiple?: boolean } = {}): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = options.multiple ?? false;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** Opens the file chooser for one file and resolves its bytes (null if cancelled). */
export async function pickFile(
  accept: string,
): Promise<{ name: string; bytes: Uint8Array } | null> {
  const [file] = await pickFiles(accept);
  if (!file) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
