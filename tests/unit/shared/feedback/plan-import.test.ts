/**
 * Deciding an import of a returned file: which submission and sections its comments go on, on
 * the real fixture files (our export commented in Word's shapes; comments by the docx package).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importedMessage, planFeedbackImport } from '../../../../shared/feedback/plan-import';
import {
  readFeedbackDocx,
  type FeedbackFile,
} from '../../../../shared/feedback/read-feedback-docx';
import { getTemplate } from '../../../../shared/templates';
import { FIXTURE_FILES } from '../../../fixtures/feedback/fixture-files';
import { FIXTURE_IDS, WORD_COMMENTS } from '../../../fixtures/feedback/word-comments';

const SECTIONS = getTemplate('sdlp-aed').sections;

async function read(url: URL): Promise<FeedbackFile> {
  const result = await readFeedbackDocx(new Uint8Array(readFileSync(url)));
  if (!result.ok) throw new Error(result.error.detail);
  return result.feedback;
}

const submissions = [
  { id: 'submission-interim-1', label: 'Interim 1', createdAt: 1_000 },
  { id: FIXTURE_IDS.submissionId, label: 'Interim 2', createdAt: 2_000 },
  { id: 'submission-final', label: 'Final', createdAt: 3_000 },
];

describe('planning an import', () => {
  let word: FeedbackFile;
  beforeAll(async () => {
    word = await read(FIXTURE_FILES.wordShaped);
  });

  it('puts the comments on the submission the file names, each on its section, in the file’s order', () => {
    const plan = planFeedbackImport({
      draftId: FIXTURE_IDS.draftId,
      sections: SECTIONS,
      submissions,
      feedback: word,
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.submissionId).toBe(FIXTURE_IDS.submissionId);
    expect(plan.submissionLabel).toBe('Interim 2');
    expect(plan.submissionNote).toBeNull();
    expect(plan.threads.map((t) => t.thread)).toEqual(word.comments);
    // Every thread lands where the fixture says; unplaced ones on the document as a whole.
    for (const { thread, sectionId } of plan.threads) {
      const expected = WORD_COMMENTS.find(
        (c) =>
          c.replyTo === undefined &&
          c.paragraphs.join('\n') === thread.text &&
          c.anchorText === thread.anchorText,
      )!;
      expect(sectionId, thread.text).toBe(
        'section' in expected.expected ? expected.expected.section : null,
      );
    }
    expect(plan.threads.some((t) => t.sectionId === null)).toBe(true);
  });

  it('refuses a file exported from another draft, naming nothing of it', () => {
    const plan = planFeedbackImport({
      draftId: 'another-draft',
      sections: SECTIONS,
      submissions,
      feedback: word,
    });
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.message).toContain('exported from another draft');
  });

  it('uses the latest submission when the file names none, or one no longer in History, and says so', () => {
    for (const submissionId of [null, 'deleted-submission']) {
      const plan = planFeedbackImport({
        draftId: FIXTURE_IDS.draftId,
        sections: SECTIONS,
        submissions,
        feedback: { ...word, submissionId },
      });
      if (!plan.ok) throw new Error(plan.message);
      expect(plan.submissionId).toBe('submission-final');
      expect(plan.submissionNote).toContain('the latest submission, “Final”');
      expect(plan.submissionNote).toContain(
        submissionId === null ? 'does not say which submission' : 'no longer in this draft',
      );
    }
  });

  it('takes a file that names no draft (written by hand), and a draft with no submission yet', () => {
    const plan = planFeedbackImport({
      draftId: 'mine',
      sections: SECTIONS,
      submissions: [],
      feedback: { ...word, draftId: null, submissionId: null },
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.submissionId).toBeNull();
    expect(plan.submissionNote).toContain('no submission yet');
  });
});

describe('saying what an import did', () => {
  it('counts the comments per section in template order, the whole document last, and what was skipped', () => {
    const message = importedMessage({
      fileName: 'AED returned.docx',
      submissionLabel: 'Interim 2',
      submissionNote: null,
      added: [
        { sectionId: 'deliver' },
        { sectionId: null },
        { sectionId: 'explore' },
        { sectionId: 'deliver' },
      ],
      alreadyThere: 1,
      sections: SECTIONS,
    });
    const explore = SECTIONS.find((s) => s.id === 'explore')!.title;
    const deliver = SECTIONS.find((s) => s.id === 'deliver')!.title;
    expect(message).toBe(
      `Imported 4 comments from “AED returned.docx” on “Interim 2”: 1 on “${explore}”, 2 on “${deliver}”, 1 on the document as a whole. 1 comment was imported before and left as it was.`,
    );
  });

  it('says when nothing was new', () => {
    expect(
      importedMessage({
        fileName: 'a.docx',
        submissionLabel: null,
        submissionNote: null,
        added: [],
        alreadyThere: 3,
        sections: SECTIONS,
      }),
    ).toBe('Nothing new in “a.docx”: its 3 comments were imported before.');
  });
});
