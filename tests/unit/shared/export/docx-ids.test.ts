/**
 * The draft's and submission's ids in a Word export's custom properties, read back from the real
 * output: by python-docx's package reader (python-docx has no API for custom properties, so its
 * OPC layer finds the part through the relationships and lxml parses it), by the feedback
 * reader's own, and again after LibreOffice has opened and saved the file, as a Cohort Lead's
 * office suite might.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import { renderDocx } from '../../../../shared/export/docx';
import { DOCX_ID_PROPERTIES } from '../../../../shared/export/docx-ids';
import { DEFAULT_FEEDBACK_LIMITS, openDocx } from '../../../../shared/feedback/docx-package';
import { readCustomProperties } from '../../../../shared/feedback/read-custom-properties';
import { exportFixture } from '../../../fixtures/export/aed-fixture';
import { resaveWithLibreOffice } from '../../../fixtures/feedback/fixture-files';
import { findPythonWithDocx, missingReaders } from '../../../fixtures/readers';

const OPTIONS = { includeGuidance: false, includeWordCounts: false, omitEmptySections: false };
const SUBMISSION = { label: 'Interim 2', date: new Date(2026, 2, 14, 9, 0), id: 'snapshot-42' };

async function exported(submission?: typeof SUBMISSION): Promise<Uint8Array> {
  const { template, draft, sections } = exportFixture();
  return renderDocx(
    buildDocument({
      template,
      draft,
      sections,
      options: OPTIONS,
      ...(submission ? { submission } : {}),
    }),
  );
}

/** The custom properties as the feedback reader finds them. */
function ourRead(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    readCustomProperties(openDocx(bytes, DEFAULT_FEEDBACK_LIMITS).customProperties),
  );
}

const READ_CUSTOM = `
import docx, json, sys
from lxml import etree
package = docx.Document(sys.argv[1]).part.package
out = {}
for rel in package.rels.values():
    if rel.reltype.endswith('/custom-properties'):
        for prop in etree.fromstring(rel.target_part.blob):
            out[prop.get('name')] = {'type': etree.QName(prop[0]).localname, 'value': prop[0].text}
print(json.dumps(out))
`;

let dir: string;
let submission: Uint8Array;
let draftOnly: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aed-docx-ids-'));
  submission = await exported(SUBMISSION);
  draftOnly = await exported();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const IDS = {
  [DOCX_ID_PROPERTIES.draftId]: 'draft-fixture',
  [DOCX_ID_PROPERTIES.submissionId]: 'snapshot-42',
};

describe('renderDocx: the ids in the custom properties', () => {
  it('writes the draft’s and the submission’s ids', () => {
    expect(ourRead(submission)).toEqual(IDS);
  });

  it('writes only the draft’s id when the export is no submission', () => {
    expect(ourRead(draftOnly)).toEqual({ [DOCX_ID_PROPERTIES.draftId]: 'draft-fixture' });
  });
});

const noPython = missingReaders('python-docx');
describe.skipIf(noPython !== undefined)(
  `renderDocx: the ids as python-docx’s package reader finds them${noPython ? ` (${noPython})` : ''}`,
  () => {
    it('finds both, as text properties', () => {
      const file = join(dir, 'submission.docx');
      writeFileSync(file, submission);
      const python = findPythonWithDocx() ?? 'python3';
      const read = JSON.parse(
        execFileSync(python, ['-c', READ_CUSTOM, file], { encoding: 'utf8' }),
      ) as Record<string, { type: string; value: string }>;
      expect(read).toEqual({
        [DOCX_ID_PROPERTIES.draftId]: { type: 'lpwstr', value: 'draft-fixture' },
        [DOCX_ID_PROPERTIES.submissionId]: { type: 'lpwstr', value: 'snapshot-42' },
      });
    });
  },
);

const noLibreOffice = missingReaders('LibreOffice');
describe.skipIf(noLibreOffice !== undefined)(
  `renderDocx: the ids after LibreOffice re-saves the file${noLibreOffice ? ` (${noLibreOffice})` : ''}`,
  () => {
    it('keeps both', () => {
      expect(ourRead(resaveWithLibreOffice(submission))).toEqual(IDS);
    }, 120_000);
  },
);
