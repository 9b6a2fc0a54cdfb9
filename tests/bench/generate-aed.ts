/**
 * A large, realistic AED as Lexical editor-state JSON, built in Node with @lexical/headless.
 * Deterministic (seeded), so two runs of a benchmark type into the same document; the export
 * benchmarks reuse it.
 */
import { readFileSync } from 'node:fs';
import type { HeadingTagType } from '@lexical/rich-text';
import { parseTemplate, type Template } from '../../shared/template';
import { countWords } from '../../shared/word-count';
// The one Lexical state builder of the tests, with the app's own node list: the fixture must
// parse in the app exactly as stored sections do.
import {
  editorStateAndText,
  fmt,
  h,
  li,
  link,
  ol,
  p,
  quote,
  table,
  ul,
  type BlockSpec,
  type InlineSpec,
  type ListItemSpec,
  type ListSpec,
} from '../fixtures/export/editor-state';

export interface GeneratedSection {
  sectionId: string;
  /** Lexical's serialized editor state, as SectionRecord.editorState stores it (JSON text). */
  editorState: string;
  /** `$getRoot().getTextContent()`, as the app derives SectionRecord.text. */
  text: string;
  /** shared/word-count's count of `text`: exactly the words asked for. */
  wordCount: number;
}

export interface GenerateAedOptions {
  /** Words across all rich-text sections. */
  totalWords: number;
  /** Words in the largest section; the rest is shared by the other sections by word guide. */
  largestWords: number;
  /** The section that gets `largestWords` (default `deliver`, the biggest stage in practice). */
  largestSectionId?: string;
  /** A small data table in the evaluation section (needs the table nodes registered). */
  tables?: boolean;
  seed?: number;
}

const TEMPLATE_URL = new URL('../../resources/templates/sdlp-aed.json', import.meta.url);

export function loadSdlpTemplate(): Template {
  return parseTemplate(JSON.parse(readFileSync(TEMPLATE_URL, 'utf8')), TEMPLATE_URL.pathname);
}

export function generateAed(options: GenerateAedOptions): GeneratedSection[] {
  const { totalWords, largestWords, largestSectionId = 'deliver', tables = true } = options;
  const rng = mulberry32(options.seed ?? 20_240_901);
  const template = loadSdlpTemplate();
  const sections = template.sections.filter((s) => s.richText !== undefined);
  if (!sections.some((s) => s.id === largestSectionId)) {
    throw new Error(`The template has no rich-text section "${largestSectionId}".`);
  }
  const budgets = shareWords(
    sections.map((s) => ({ id: s.id, weight: s.richText?.wordGuide?.target ?? 400 })),
    totalWords,
    largestWords,
    largestSectionId,
  );
  return sections.map((s) =>
    buildSection(s.id, budgets.get(s.id) ?? 0, rng, tables && s.id === 'evaluation'),
  );
}

/** The largest section gets its share; the others split the rest by their word guides. */
function shareWords(
  sections: Array<{ id: string; weight: number }>,
  total: number,
  largest: number,
  largestId: string,
): Map<string, number> {
  const others = sections.filter((s) => s.id !== largestId);
  const weightSum = others.reduce((sum, s) => sum + s.weight, 0);
  const rest = total - largest;
  const budgets = new Map<string, number>([[largestId, largest]]);
  let given = 0;
  others.forEach((s, i) => {
    // The last one takes the rounding remainder so the document adds up exactly.
    const words =
      i === others.length - 1 ? rest - given : Math.round((rest * s.weight) / weightSum);
    budgets.set(s.id, words);
    given += words;
  });
  return budgets;
}

// ---------------------------------------------------------------------------------------------
// The document model the prose is planned in, before it becomes Lexical nodes. Inline runs keep
// their own spaces so concatenating them gives exactly the text Lexical will report.

interface Run {
  text: string;
  format?: 'bold' | 'italic';
  href?: string;
}
type Block =
  | { kind: 'heading'; tag: HeadingTagType; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'table'; rows: string[][] };
interface ListItem {
  text: string;
  children?: ListItem[];
}

function buildSection(
  sectionId: string,
  words: number,
  rng: () => number,
  withTable: boolean,
): GeneratedSection {
  const blocks = planBlocks(words, rng, withTable);
  const { editorState, text } = editorStateAndText(...blocks.map(blockSpec));
  const wordCount = countWords(text);
  if (wordCount !== words) {
    throw new Error(`generate-aed: ${sectionId} has ${wordCount} words, planned ${words}.`);
  }
  return { sectionId, editorState, text, wordCount };
}

function blockSpec(block: Block): BlockSpec {
  switch (block.kind) {
    case 'heading':
      return h(block.tag, block.text);
    case 'quote':
      return quote(block.text);
    case 'paragraph':
      return p(...block.runs.map(runSpec));
    case 'list':
      return listSpec(block.ordered, block.items);
    case 'table':
      return table(block.rows);
  }
}

function runSpec(run: Run): InlineSpec {
  const text = run.format ? fmt(run.text, run.format) : run.text;
  return run.href ? link(run.href, text) : text;
}

// Sub-points are bullets even under numbered steps, as teachers write them.
function listSpec(ordered: boolean, items: ListItem[]): ListSpec {
  const specs = items.map((item): ListItemSpec =>
    item.children ? li(item.text, listSpec(false, item.children)) : li(item.text),
  );
  return ordered ? ol(...specs) : ul(...specs);
}

function blockWords(block: Block): number {
  switch (block.kind) {
    case 'heading':
    case 'quote':
      return countWords(block.text);
    case 'paragraph':
      return countWords(block.runs.map((r) => r.text).join(''));
    case 'list':
      return itemWords(block.items);
    case 'table':
      return block.rows.flat().reduce((sum, cell) => sum + countWords(cell), 0);
  }
}

function itemWords(items: ListItem[]): number {
  return items.reduce(
    (sum, item) => sum + countWords(item.text) + (item.children ? itemWords(item.children) : 0),
    0,
  );
}

/** Headings every few hundred words, mostly paragraphs, with lists, quotes and links between. */
function planBlocks(words: number, rng: () => number, withTable: boolean): Block[] {
  const blocks: Block[] = [];
  let remaining = words;
  let sinceHeading = Infinity;
  let headingNumber = 0;
  const push = (block: Block): boolean => {
    const n = blockWords(block);
    // Leave room for a closing paragraph, so the section always ends in one (the bench types
    // at the end of the section).
    if (n > remaining - 40) return false;
    blocks.push(block);
    remaining -= n;
    sinceHeading += n;
    return true;
  };
  if (withTable) {
    push(headingBlock(rng, 'h2', ++headingNumber));
    push(tableBlock(rng));
    sinceHeading = 0;
  }
  while (remaining > 220) {
    if (sinceHeading > 300 + rng() * 200) {
      if (
        push(headingBlock(rng, blocks.length === 0 || rng() < 0.6 ? 'h2' : 'h3', ++headingNumber))
      )
        sinceHeading = 0;
      continue;
    }
    const roll = rng();
    if (roll < 0.62)
      push({ kind: 'paragraph', runs: paragraphRuns(rng, 4 + Math.floor(rng() * 3)) });
    else if (roll < 0.77) push(listBlock(rng, false));
    else if (roll < 0.85) push(listBlock(rng, true));
    else {
      const last = blocks.at(-1);
      const text = pick(rng, QUOTES);
      if (last?.kind !== 'quote' || last.text !== text) push({ kind: 'quote', text });
    }
  }
  // The closing paragraph(s) take exactly what is left, so every section hits its count.
  while (remaining > 0) {
    const take = remaining > 150 ? Math.ceil(remaining / 2) : remaining;
    blocks.push({ kind: 'paragraph', runs: [{ text: sentencesOfExactly(rng, take) }] });
    remaining -= take;
  }
  return blocks;
}

function headingBlock(rng: () => number, tag: HeadingTagType, n: number): Block {
  return { kind: 'heading', tag, text: `${pick(rng, HEADINGS)} (${n})` };
}

function paragraphRuns(rng: () => number, sentenceCount: number): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < sentenceCount; i++) {
    const s = sentence(rng);
    const lead = i === 0 ? '' : ' ';
    const roll = rng();
    if (roll < 0.12) {
      // A phrase in bold or italics, as teachers pick out a key idea.
      const words = s.split(' ');
      const cut = Math.min(3, words.length - 1);
      runs.push({
        text: lead + words.slice(0, cut).join(' '),
        format: rng() < 0.5 ? 'bold' : 'italic',
      });
      runs.push({ text: ' ' + words.slice(cut).join(' ') });
    } else if (roll < 0.2) {
      const link = pick(rng, LINKS);
      runs.push({ text: `${lead}${pick(rng, LINK_LEADS)} ` });
      runs.push({ text: link.text, href: link.href });
      runs.push({ text: ` ${pick(rng, LINK_TAILS)}` });
    } else {
      runs.push({ text: lead + s });
    }
  }
  return runs;
}

function listBlock(rng: () => number, ordered: boolean): Block {
  const texts = pickDistinct(rng, ordered ? STEPS : BULLETS, 3 + Math.floor(rng() * 3));
  const items = texts.map((text): ListItem => {
    if (rng() >= 0.35) return { text };
    const children = pickDistinct(rng, SUB_BULLETS, 2 + Math.floor(rng() * 2)).map(
      (child): ListItem => ({ text: child }),
    );
    // Now and then a third level, which is where list indentation code gets exercised.
    if (rng() < 0.3) children[0]!.children = [{ text: pick(rng, SUB_BULLETS) }];
    return { text, children };
  });
  return { kind: 'list', ordered, items };
}

function tableBlock(rng: () => number): Block {
  const rows = [['Measure', 'Baseline (September)', 'Interim (February)', 'End of year (July)']];
  for (const measure of TABLE_MEASURES) {
    const base = 35 + Math.floor(rng() * 30);
    const mid = base + 3 + Math.floor(rng() * 8);
    rows.push([measure, `${base}%`, `${mid}%`, `${mid + 4 + Math.floor(rng() * 9)}%`]);
  }
  return { kind: 'table', rows };
}

function sentence(rng: () => number): string {
  if (rng() < 0.3) return pick(rng, STANDALONE);
  return `${pick(rng, OPENERS)} ${pick(rng, SUBJECTS)} ${pick(rng, ACTIONS)}, ${pick(rng, ENDINGS)}`;
}

/** Whole sentences, the last one cut so the text holds exactly `words` words. */
function sentencesOfExactly(rng: () => number, words: number): string {
  const tokens: string[] = [];
  let count = 0;
  while (count < words) {
    for (const token of sentence(rng).split(' ')) {
      if (count === words) break;
      tokens.push(token);
      if (countWords(token) > 0) count++;
    }
  }
  const text = tokens.join(' ');
  return /[.!?”)]$/.test(text) ? text : `${text.replace(/[,;:]$/, '')}.`;
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function pickDistinct<T>(rng: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    picked.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  }
  return picked;
}

/** A small, fast, seedable PRNG: the fixture must be the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------------------------------------
// Phrase banks: what an SD Lead writes about a maths development in a partner school.

const HEADINGS = [
  'Autumn term: setting up the Work Group',
  'Monitoring through lesson visits',
  'What we adapted, and why',
  'Barriers we met and how we tackled them',
  'Pupil voice',
  'Early impact on teaching',
  'Fluency with number facts',
  'Reasoning about fractions',
  'Professional development sessions',
  'Building leadership capacity',
  'Spring term: the second lesson study cycle',
  'Using representations: bar models and number lines',
  'Assessment for learning in maths',
  'Working alongside the headteacher',
  'Summer term: embedding the changes',
];

const OPENERS = [
  'In the autumn term,',
  'During our second lesson study cycle,',
  'After the first Work Group meeting,',
  'By February,',
  'When we revisited the baseline data,',
  'In joint lesson visits,',
  'Following the staff meeting on representations,',
  'Over six weeks,',
  'At the spring review with the headteacher,',
  'Early in the project,',
  'With the deputy headteacher leading the session,',
  'Looking back at the pupil interviews,',
  'Once the new calculation policy was agreed,',
  'In the second half of the spring term,',
];

const SUBJECTS = [
  'the Year 4 team',
  'the maths lead',
  'teachers in Key Stage 1',
  'our early career teachers',
  'the teaching assistants',
  'the deputy headteacher',
  'pupils in Year 6',
  'the Year 2 class',
  'two subject leaders from the partner school',
  'the whole staff',
  'the Year 5 teacher and I',
  'the lower Key Stage 2 team',
];

const ACTIONS = [
  'practised fluency with number facts such as 7 × 8 = 56 and 56 ÷ 7 = 8',
  'represented ¾ of 24 with a bar model before moving to the abstract calculation',
  'explored why 0.5 = ½ = 50% using a hundred square',
  'compared 3.45 and 3.5 on a number line and explained which is greater',
  'reasoned that the angles in a triangle sum to 180° by tearing off the corners',
  'discussed whether x² is always greater than x for every number',
  'used the stem sentence “If I know 3 + 4 = 7, then I know 30 + 40 = 70”',
  'worked on the area of a rectangle, A = l × w, with squared paper and arrays',
  'checked estimates such as 398 × 5 ≈ 2,000 before calculating exactly',
  'explained why −3 < 2 using a vertical number line',
  'spotted that 1 ÷ ⅓ = 3 by counting how many thirds fit into one whole',
  'noticed that 6 × 7 = 42 can be derived from 5 × 7 + 7',
  'partitioned 47 into 40 and 7 and then into 30 and 17 to subtract 29',
  'investigated whether √(a + b) = √a + √b and found a counterexample',
  'used Dienes to show 1,000 = 10 × 100 = 100 × 10',
  'found the circumference of a circle with C = πd, taking π ≈ 3.14',
  'solved 2x + 5 = 17 by balancing both sides to get x = 6',
  'ordered ⅖, 0.45 and 38% by converting each to a percentage',
  'discussed the difference between ≤ and < in inequalities such as n ≤ 12',
  'used a ten frame to see that 8 + 5 = 8 + 2 + 3 = 13',
  'shared misconceptions about equivalence, such as believing ⅙ > ⅕ because 6 > 5',
  'planned a small-step sequence for column addition, including exchanging across 0',
  'rehearsed the language of the equals sign as “is equal to” rather than “makes”',
  'looked closely at how pupils recorded 3.6 ÷ 4 = 0.9 in their books',
];

const ENDINGS = [
  'which gave us a shared language for the next step.',
  'and this was visible in pupils’ books within a fortnight.',
  'so the team agreed to keep the approach for the rest of the unit.',
  'although the pace of the lessons slowed at first.',
  'which challenged some long-held assumptions about fixed ability grouping.',
  'and the headteacher asked for it to be shared at the next governors’ meeting.',
  'so we added it to the calculation policy as an expected representation.',
  'which helped pupils with lower prior attainment keep up rather than catch up.',
  'and the teaching assistants said it made their interventions more focused.',
  'though some staff worried it would take time away from arithmetic practice.',
  'which we then evaluated against the success criteria agreed in September.',
  'and pupils began to use the stem sentences without prompting.',
  'so that the next Work Group meeting could focus on questioning.',
  'which is exactly the kind of coherence the NCETM’s Five Big Ideas describe.',
];

const STANDALONE = [
  'We recorded a rise in pupils meeting the expected standard in the multiplication tables check, from 58% to 71%.',
  'The headteacher and I agreed that the maths lead would own the action plan from January, with me as a critical friend.',
  'Not everything worked: the first attempt at mixed-attainment seating led to some pupils sitting back and waiting for answers.',
  'Pupil voice showed a shift from “maths is about being quick” to “maths is about explaining why”.',
  'Book looks in March showed far more pictorial recording, such as bar models for 3 × 15 = 45.',
  'The lesson study cycle had three stages: planning together, observing a research lesson and reflecting on what the pupils did.',
  'One teacher said that the most useful question she now asks is “How do you know?”',
  'We used the Ready-to-Progress criteria to choose which number facts to prioritise in each year group.',
  'Staff meeting time is scarce, so we protected two 40-minute slots each half term for maths.',
  'Attendance at the Work Group was high: 9 of the 10 planned sessions were attended by all three teachers.',
  'By the summer, 84% of Year 2 pupils could explain why 5 + 3 = 3 + 5 using a part-whole model.',
  'Teachers reported feeling more confident with representations, rising from an average of 2.4 to 4.1 on a five-point scale.',
  'A barrier we did not anticipate was the timetable: maths lessons in Year 5 clashed with the peripatetic music lessons.',
  'We tackled this by moving the daily fluency session to the start of the afternoon.',
];

const LINK_LEADS = [
  'We based the sequence on',
  'The team read',
  'Teachers used',
  'For the staff meeting we drew on',
  'The maths lead adapted',
];
const LINK_TAILS = [
  'to plan the small steps.',
  'before the first research lesson.',
  'as a shared reference point.',
  'which gave everyone the same starting point.',
  'alongside the school’s own scheme of work.',
];
const LINKS = [
  { text: 'the NCETM’s Five Big Ideas', href: 'https://www.ncetm.org.uk/teaching-for-mastery/' },
  {
    text: 'the Ready-to-Progress criteria',
    href: 'https://www.gov.uk/government/publications/teaching-mathematics-in-primary-schools',
  },
  {
    text: 'the Mastering Number materials',
    href: 'https://www.ncetm.org.uk/maths-hubs-projects/mastering-number/',
  },
  { text: 'the Maths Hubs programme guidance', href: 'https://www.mathshubs.org.uk/' },
  {
    text: 'the EEF guidance on improving mathematics',
    href: 'https://educationendowmentfoundation.org.uk/',
  },
];

const BULLETS = [
  'Daily ten-minute fluency sessions focused on number bonds to 10 and 20',
  'Stem sentences displayed on working walls, e.g. “⅓ of 12 is 4 because 12 ÷ 3 = 4”',
  'Joint planning of the research lesson with the Year 4 teacher',
  'A shared bank of hinge questions for each small step',
  'Concrete resources available on every table, not only for some pupils',
  'Teaching assistants briefed before the lesson rather than during it',
  'Pupil interviews with six pupils from each year group, twice a year',
  'Book looks focused on representations, not on presentation',
  'Whole-class feedback replacing written marking in maths',
  'Same-day intervention for pupils who had not grasped the key point',
];
const SUB_BULLETS = [
  'Year 1: counting on and back within 20',
  'Year 3: the 3, 4 and 8 times tables',
  'Year 5: multiplying fractions, e.g. ⅔ × 6 = 4',
  'Year 6: ratio, such as 2 : 3 = 8 : 12',
  'observed by the maths lead and me',
  'recorded on the shared planning document',
  'reviewed at the next Work Group meeting',
  'linked to the school improvement plan',
  'measured by the end-of-unit assessment',
  'with a focus on reasoning: “I know that … because …”',
];
const STEPS = [
  'Agree the focus and success criteria with the headteacher',
  'Gather a baseline: data, lesson visits and pupil voice',
  'Plan the first research lesson together',
  'Teach, observe and reflect on what pupils did and said',
  'Adapt the sequence and share the changes with all staff',
  'Review the impact against the success criteria',
  'Hand over leadership of the next cycle to the maths lead',
];

const QUOTES = [
  '“I used to think fractions were just pizza. Now I can see that ⅔ is the same as 4⁄6 on the bar.” (Year 5 pupil)',
  '“The stem sentences help me say what I mean, even when I am not sure yet.” (Year 3 pupil)',
  '“I have stopped rushing to the abstract. The pictures are doing the work for the children.” (Year 4 teacher)',
  '“It is the first time our staff meetings have been about maths and not about data.” (Headteacher)',
  '“When I explain it to my partner I understand it better myself.” (Year 6 pupil)',
  '“I now plan the questions before I plan the activities.” (Early career teacher)',
];

const TABLE_MEASURES = [
  'Pupils at expected standard (Year 6)',
  'Multiplication tables check, 20+ of 25',
  'Pupils explaining their reasoning in books',
  'Teacher confidence with representations',
];
