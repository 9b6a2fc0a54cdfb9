import type { AddEvidenceResult } from '../../storage/evidence-repository';

/** What a `status` says once files were added: how many, which were there already, HEIC. */
export function addedMessage({
  added,
  alreadyThere,
}: Pick<AddEvidenceResult, 'added' | 'alreadyThere'>): string {
  const parts: string[] = [];
  if (added.length > 0) {
    parts.push(
      `Added ${added.length === 1 ? `“${added[0]!.fileName}”` : `${added.length} files`} to the evidence.`,
    );
  }
  if (alreadyThere.length > 0) {
    parts.push(
      `${list(alreadyThere)} ${alreadyThere.length === 1 ? 'is' : 'are'} already in this draft’s evidence.`,
    );
  }
  if (added.some((i) => i.mimeType === 'image/heic')) {
    parts.push(
      'HEIC photos are kept as files; to put one in the text, save it as a JPEG and add that.',
    );
  }
  return parts.join(' ');
}

function list(names: readonly string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length <= 2
    ? quoted.join(' and ')
    : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
