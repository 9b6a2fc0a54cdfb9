import { useMemo } from 'react';
import { isShownImage } from '../../../../shared/evidence-file';
import type { ImageHost } from '../../editor/images/image-host';
import { useServices } from '../services';
import type { EvidenceAdder } from './use-add-evidence';

/**
 * The draft's evidence as the editor's images need it: bytes to show, and files pasted or
 * dropped into the text added exactly as `Add evidence` adds them (the same batch, messages and
 * alerts).
 */
export function useImageHost(adder: EvidenceAdder, readOnly: boolean): ImageHost {
  const { evidence } = useServices();
  const { add } = adder;
  return useMemo(
    () => ({
      load: (evidenceId) => evidence.getEvidenceBlob(evidenceId),
      add: async (files) => {
        const result = await add(files);
        return (
          result?.items.map((item) => ({
            id: item.id,
            fileName: item.fileName,
            shown: isShownImage(item.mimeType),
          })) ?? null
        );
      },
      canAdd: !readOnly,
    }),
    [evidence, add, readOnly],
  );
}
