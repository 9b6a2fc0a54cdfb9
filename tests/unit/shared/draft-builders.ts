/** Small drafts made to have known gaps, for the pure criteria and Coverage functions. */
import { emptySection, type EvidenceItem, type SectionRecord } from '../../../shared/model';

export const DRAFT_ID = 'draft-1';

export function section(sectionId: string, patch: Partial<SectionRecord> = {}): SectionRecord {
  return { ...emptySection(DRAFT_ID, sectionId, 1_000), ...patch };
}

let next = 0;

export function evidenceItem(patch: Partial<EvidenceItem> = {}): EvidenceItem {
  next++;
  return {
    id: `evidence-${next}`,
    draftId: DRAFT_ID,
    fileName: `file-${next}.png`,
    mimeType: 'image/png',
    size: 68,
    sha256: String(next).padStart(64, '0'),
    caption: '',
    date: '2026-03-14',
    stages: [],
    domains: [],
    criteria: [],
    createdAt: 1_000 + next,
    ...patch,
  };
}
