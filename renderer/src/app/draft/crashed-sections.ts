/**
 * The sections that stopped the editor on this computer, so a draft never reopens straight into
 * one (a reload would only show the same failure): kept in `localStorage` per draft, as the
 * guidance toggles are. Cleared when the section is shown again and mounts.
 */

const key = (draftId: string) => `aed-crashed-sections:${draftId}`;

function read(draftId: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(draftId)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function write(draftId: string, sections: string[]): void {
  try {
    if (sections.length === 0) localStorage.removeItem(key(draftId));
    else localStorage.setItem(key(draftId), JSON.stringify(sections));
  } catch {
    // Storage full or refused: the draft may then reopen at the section; nothing else is lost.
  }
}

export function crashedSections(draftId: string): ReadonlySet<string> {
  return new Set(read(draftId));
}

export function recordCrashedSection(draftId: string, sectionId: string): void {
  const sections = read(draftId);
  if (!sections.includes(sectionId)) write(draftId, [...sections, sectionId]);
}

export function clearCrashedSection(draftId: string, sectionId: string): void {
  const sections = read(draftId);
  if (sections.includes(sectionId))
    write(
      draftId,
      sections.filter((s) => s !== sectionId),
    );
}
