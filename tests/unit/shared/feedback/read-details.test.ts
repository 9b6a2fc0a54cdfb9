// What the feedback reader makes of the many ways a Word file can say the same thing, on small
// files written by hand (docx-builder.ts). Real writers' files are in real-writers.test.ts.
import { describe, expect, it } from 'vitest';
import { DOCX_ID_PROPERTIES } from '../../../../shared/export/docx-ids';
import { placeFeedback } from '../../../../shared/feedback/match-sections';
import {
  readFeedbackDocx,
  type FeedbackFile,
} from '../../../../shared/feedback/read-feedback-docx';
import { getTemplate } from '../../../../shared/templates';
import { comment, commented, makeDocx, para, type DocxParts } from './docx-builder';

async function read(parts: DocxParts): Promise<FeedbackFile> {
  const result = await readFeedbackDocx(makeDocx(parts));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.feedback;
}

const SECTIONS = getTemplate('sdlp-aed').sections;
const sectionsOf = (feedback: FeedbackFile) =>
  placeFeedback(SECTIONS, feedback).placed.map((p) => [p.sectionId, p.thread.text]);

describe('headings, however the styles are named', () => {
  const STYLES = [
    // Word in Dutch: the built-in "heading 1" has the id Kop1.
    `<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`,
    // A custom style based on it inherits its outline level.
    `<w:style w:type="paragraph" w:styleId="AEDSection"><w:name w:val="AED Section"/><w:basedOn w:val="Kop1"/></w:style>`,
    // A style with an outline level of its own and no telling name.
    `<w:style w:type="paragraph" w:styleId="P7"><w:name w:val="P7"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`,
    // Named like a heading but made body text by its outline level.
    `<w:style w:type="paragraph" w:styleId="Heading1Body"><w:name w:val="Heading 1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>`,
    // A loop of basedOn in a damaged file.
    `<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>`,
    `<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>`,
    // A character style sharing a heading's name is no paragraph style.
    `<w:style w:type="character" w:styleId="Kop1Char"><w:name w:val="heading 2"/></w:style>`,
  ].join('');

  it('reads outline levels from the style, its base, its name, or the paragraph itself', async () => {
    const feedback = await read({
      styles: STYLES,
      body: [
        para('1. About you', 'Kop1'),
        para('2. The school you are supporting', 'AEDSection'),
        para('3. The initiative', 'P7'),
        para('4. Explore', undefined, '<w:outlineLvl w:val="0"/>'),
        para('5. Prepare', 'Heading2'), // in no styles part: known by its id
        para('Not a heading', 'Heading1Body'),
        para('Nor this', 'LoopA'),
        para('Styled, but its own level says body text', 'Kop1', '<w:outlineLvl w:val="9"/>'),
        commented(0, 'text'),
      ].join(''),
      comments: comment(0, 'A comment.'),
    });
    expect(feedback.outline).toEqual([
      { text: '1. About you', level: 1 },
      { text: '2. The school you are supporting', level: 1 },
      { text: '3. The initiative', level: 1 },
      { text: '4. Explore', level: 1 },
      { text: '5. Prepare', level: 2 },
      { text: 'Not a heading', level: null },
      { text: 'Nor this', level: null },
      { text: 'Styled, but its own level says body text', level: null },
      { text: 'text', level: null },
    ]);
  });

  it('joins a heading’s text from split runs, proofing marks, bookmarks, fields and links', async () => {
    const heading =
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="0" w:name="_Toc4"/>' +
      '<w:r w:rsidR="00A1"><w:t xml:space="preserve">4. Exp</w:t></w:r><w:proofErr w:type="spellStart"/>' +
      '<w:r w:rsidR="00A2"><w:t>lore</w:t></w:r><w:proofErr w:type="spellEnd"/>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> SEQ x </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      '<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve"> — why this </w:t></w:r></w:hyperlink>' +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:ins w:id="9" w:author="PS"><w:r><w:t>initiative?</w:t></w:r></w:ins>' +
      '<w:del w:id="10" w:author="PS"><w:r><w:delText>plan?</w:delText></w:r></w:del>' +
      '<w:bookmarkEnd w:id="0"/></w:p>';
    const feedback = await read({
      body: heading + commented(0, 'evidence'),
      comments: comment(0, 'Which evidence?'),
    });
    expect(feedback.outline[0]).toEqual({ text: '4. Explore — why this initiative?', level: 1 });
    expect(feedback.comments[0]!.sectionHeading).toBe('4. Explore — why this initiative?');
    expect(sectionsOf(feedback)).toEqual([['explore', 'Which evidence?']]);
  });

  it('reads a text box once, not again from its fallback copy', async () => {
    const box = (text: string) =>
      `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const feedback = await read({
      body:
        para('Evaluation', 'Heading1') +
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('In a box')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box('In a box')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
        commented(0, 'x'),
      comments: comment(0, 'c'),
    });
    expect(feedback.outline.map((e) => e.text)).toEqual(['Evaluation', 'In a box', 'x']);
  });

  it('reads a strict Open XML document as well as a transitional one', async () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const feedback = await read({
      body: '',
      raw: {
        'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${strict}"><w:body>${para('8. Evaluation', 'Heading1')}${commented(3, 'impact')}</w:body></w:document>`,
        'word/comments.xml': `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${strict}">${comment(3, 'Measure it.')}</w:comments>`,
      },
      comments: '',
    });
    expect(sectionsOf(feedback)).toEqual([['evaluation', 'Measure it.']]);
    expect(feedback.comments[0]!.anchorText).toBe('impact');
  });

  it('finds the main document through the relationships, whatever it is called', async () => {
    const feedback = await read({
      mainName: 'word/document2.xml',
      body: para('Evaluation', 'Heading1') + commented(0, 'impact'),
      comments: comment(0, 'Found.'),
    });
    expect(sectionsOf(feedback)).toEqual([['evaluation', 'Found.']]);
  });
});

describe('comments and their anchors', () => {
  it('joins a comment’s paragraphs, keeps its tabs and breaks, and decodes references', async () => {
    const rich =
      '<w:comment w:id="0" w:author="Priya &amp; Co" w:initials="P&amp;C" w:date="2026-03-20T09:41:00Z">' +
      '<w:p><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">First &lt;line&gt;</w:t><w:tab/><w:t>tabbed</w:t><w:br/><w:t>broken &#x2265; &#8804;</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t><![CDATA[Second & last]]></w:t></w:r></w:p><w:p/></w:comment>';
    const feedback = await read({ body: commented(0, 'x'), comments: rich });
    expect(feedback.comments[0]).toMatchObject({
      author: 'Priya & Co',
      initials: 'P&C',
      text: 'First <line>\ttabbed\nbroken ≥ ≤\nSecond & last',
    });
  });

  it('reads an anchor across paragraphs and runs, a point, a bare reference and none', async () => {
    const feedback = await read({
      body:
        para('Evaluation', 'Heading1') +
        '<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">the </w:t></w:r><w:r><w:t>end</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">of   the</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>' +
        '<w:p><w:r><w:t>Point</w:t></w:r><w:commentRangeStart w:id="2"/><w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r></w:p>' +
        '<w:p><w:r><w:t>Bare</w:t></w:r><w:r><w:commentReference w:id="3"/></w:r></w:p>',
      comments: [
        comment(1, 'Across'),
        comment(2, 'Point'),
        comment(3, 'Bare'),
        comment(4, 'Nowhere'),
      ].join(''),
    });
    const byText = Object.fromEntries(feedback.comments.map((c) => [c.text, c]));
    expect(byText.Across!.anchorText).toBe('the end\nof the');
    expect(byText.Point!.anchorText).toBe('');
    expect(byText.Bare!.anchorText).toBe('');
    expect(byText.Nowhere!.outlineIndex).toBeNull();
    const placement = placeFeedback(SECTIONS, feedback);
    expect(placement.placed.map((p) => p.thread.text)).toEqual(['Across', 'Point', 'Bare']);
    expect(placement.unplaced.map((u) => [u.reason, u.thread.text])).toEqual([
      ['not-in-body', 'Nowhere'],
    ]);
  });

  it('cuts a very long anchor short', async () => {
    const long = 'word '.repeat(2_000);
    const feedback = await read({ body: commented(0, long), comments: comment(0, 'Long') });
    const anchor = feedback.comments[0]!.anchorText;
    expect(anchor.length).toBe(2_000);
    expect(anchor.endsWith('…')).toBe(true);
  });

  it('threads replies to replies under the first comment, paraIds in either case', async () => {
    const feedback = await read({
      body: commented(0, 'x'),
      comments: [
        comment(0, 'Root', { paraId: '0000000A' }),
        comment(1, 'Reply', { paraId: '0000000B' }),
        comment(2, 'Reply to the reply', { paraId: '0000000C' }),
      ].join(''),
      commentsExtended:
        '<w15:commentEx w15:paraId="0000000a" w15:done="1"/>' +
        '<w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000a"/>' +
        '<w15:commentEx w15:paraId="0000000C" w15:paraIdParent="0000000B" w15:done="0"/>',
    });
    expect(feedback.comments).toHaveLength(1);
    expect(feedback.comments[0]).toMatchObject({ text: 'Root', resolved: true });
    expect(feedback.comments[0]!.replies.map((r) => [r.text, r.resolved])).toEqual([
      ['Reply', false],
      ['Reply to the reply', false],
    ]);
  });

  it('survives a loop of replies in a damaged file', async () => {
    const feedback = await read({
      body: commented(0, 'x'),
      comments: comment(0, 'A', { paraId: 'A' }) + comment(1, 'B', { paraId: 'B' }),
      commentsExtended:
        '<w15:commentEx w15:paraId="A" w15:paraIdParent="B"/><w15:commentEx w15:paraId="B" w15:paraIdParent="A"/>',
    });
    // Each comment's thread root is where its loop comes round: no comment is lost or doubled.
    const all = feedback.comments.flatMap((t) => [t.text, ...t.replies.map((r) => r.text)]);
    expect(all.sort()).toEqual(['A', 'B']);
  });
});

describe('the draft and submission the file says it is', () => {
  it('reads the ids our export writes, and ignores values that are no record id', async () => {
    const ids = await read({
      body: commented(0, 'x'),
      comments: comment(0, 'c'),
      custom: { [DOCX_ID_PROPERTIES.draftId]: 'd-1', [DOCX_ID_PROPERTIES.submissionId]: 's_2' },
    });
    expect(ids).toMatchObject({ draftId: 'd-1', submissionId: 's_2' });
    const odd = await read({
      body: commented(0, 'x'),
      comments: comment(0, 'c'),
      custom: { [DOCX_ID_PROPERTIES.draftId]: '../../etc', Other: 'x' },
    });
    expect(odd).toMatchObject({ draftId: null, submissionId: null });
    const none = await read({ body: commented(0, 'x'), comments: comment(0, 'c') });
    expect(none).toMatchObject({ draftId: null, submissionId: null });
  });
});

describe('comment keys', () => {
  const keyOf = async (xml: string, body = commented(7, 'x')) =>
    (await read({ body, comments: xml })).comments[0]!.key;

  it('are the same whatever the id, the fraction of a second or the spacing', async () => {
    const a = await keyOf(comment(7, 'Say  more.', { date: '2026-03-20T09:41:00.000Z' }));
    const b = await keyOf(
      comment(42, 'Say more.', { date: '2026-03-20T09:41:00Z' }),
      commented(42, 'x'),
    );
    const c = await keyOf(comment(7, 'Say more.', { date: '2026-03-20T10:41:00+01:00' }));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('differ with the author, the date or the text', async () => {
    const base = await keyOf(comment(7, 'Say more.'));
    expect(await keyOf(comment(7, 'Say more.', { author: 'Someone else' }))).not.toBe(base);
    expect(await keyOf(comment(7, 'Say more.', { date: '2026-03-20T09:42:00Z' }))).not.toBe(base);
    expect(await keyOf(comment(7, 'Say less.'))).not.toBe(base);
  });

  it('tell twins apart by their order in the document', async () => {
    const feedback = await read({
      body: commented(1, 'first') + commented(0, 'second'),
      comments: comment(0, 'Agreed.') + comment(1, 'Agreed.'),
    });
    expect(feedback.comments.map((c) => c.anchorText)).toEqual(['first', 'second']);
    const [first, second] = feedback.comments;
    expect(first!.key).not.toBe(second!.key);
    // The same twins, numbered the other way round (as LibreOffice renumbers): same keys.
    const renumbered = await read({
      body: commented(0, 'first') + commented(1, 'second'),
      comments: comment(0, 'Agreed.') + comment(1, 'Agreed.'),
    });
    expect(renumbered.comments.map((c) => c.key)).toEqual([first!.key, second!.key]);
  });
});
