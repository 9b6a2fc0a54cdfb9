/**
 * `npm run bench`: a 30,000-word AED in the real app, in Chromium, against a bare Lexical editor
 * holding the same largest section. Prints a table against the targets and writes
 * .bench/results.json. A measurement, not a test: it exits 0 when it measured, whatever the
 * figures, and non-zero only when it could not measure.
 *
 * Knobs (environment): BENCH_KEYS keystrokes per position (300), BENCH_GAP_MS idle between one
 * key's measured frame and the next key (0: the method the targets were set with; idle gaps let
 * idle-time work such as GC land on the next key, which adds a few ms to bare and app alike),
 * BENCH_OPEN_RUNS fresh loads (7), BENCH_SKIP_APP=1 to measure only the bare editor, BENCH_TRACE=1
 * to add a traced burst per editor showing where a keystroke's main-thread time goes,
 * BENCH_PASTE_RUNS pastes of each long list (3; 0 skips them).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { emptySection, type SectionRecord } from '../../shared/model';
import { finishAutosaveWindow, startAutosaveWindow, type AutosaveWindow } from './autosave';
import { formatBundle, startupBundle, type StartupBundle } from './bundle-size';
import { generateAed, loadSdlpTemplate, type GeneratedSection } from './generate-aed';
import {
  heapSoak,
  installVirtualClock,
  MS_PER_KEY,
  SENTENCE_PAUSE_MS,
  type HeapSoak,
} from './heap';
import {
  installKeyProbe,
  percentiles,
  placeCaret,
  typedTextLanded,
  typeMeasured,
  typingText,
  warmUp,
  type MeasuredTyping,
  type Percentiles,
} from './keystrokes';
import { CHROMIUM_ARGS as TEST_CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { benchExport, printExportTable, type ExportBench } from './export';
import { benchPaste, printPasteTable, type PasteBench } from './paste';
import { median, openAndTime, type OpenRun } from './open-time';
import { readSection, seedSections, type SeedReport } from './seed';
import { serveStatic, type StaticServer } from './server';
import { traceTyping, type KeystrokeBreakdown } from './trace';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(REPO, '.bench');
// BENCH_WEB_DIR serves another build (e.g. one made beside a checkout someone else is building in).
const WEB = process.env.BENCH_WEB_DIR ?? join(REPO, 'out/web');
// The desktop build, if one was made (`npm run build`): only its start-up bundle is measured.
const DESKTOP = join(REPO, 'out/renderer');
const LARGEST = 'deliver';

const settings = {
  totalWords: 30_000,
  largestWords: 10_000,
  /** The second draft whose open time is measured: a typical AED with a long section. */
  mediumTotalWords: 12_000,
  mediumLargestWords: 3_000,
  keysPerPosition: intFromEnv('BENCH_KEYS', 300),
  /** Typed in this many alternating chunks per position (see typeInterleaved). */
  chunksPerPosition: 3,
  warmupKeys: 20,
  gapMs: intFromEnv('BENCH_GAP_MS', 0),
  openRuns: intFromEnv('BENCH_OPEN_RUNS', 7),
  skipApp: process.env.BENCH_SKIP_APP === '1',
  trace: process.env.BENCH_TRACE === '1',
  /** Keys of the heap soak: 30 minutes at 200 a minute (0 skips it). */
  soakKeys: intFromEnv('BENCH_SOAK_KEYS', 6_000),
  /** Pastes of each long list (tests/bench/paste.ts). */
  pasteRuns: intFromEnv('BENCH_PASTE_RUNS', 3),
  /** Heap readings along the way (plus one before the first key). */
  soakSamples: 12,
};
// The whole run, with room for the soak's keys (about 40 ms each on a busy machine).
const DEADLINE_MS = 300_000 + settings.soakKeys * 60 + settings.pasteRuns * 40_000;

const VIEWPORT = { width: 1280, height: 900 };

const TARGETS = {
  /** Open → editable of the large draft, app / bare. */
  openRatio: 1.2,
  /** Open → editable of the medium draft (3,000 words in its largest section), ms. */
  mediumOpenMs: 300,
  keystrokeP95Ms: 16,
  ratio: 1.2,
  heapMb: 250,
};

// The tests' Chromium setup, plus unthrottled frames: with vsync a frame waits up to 16.7 ms
// for its slot, which would swamp the few milliseconds being measured.
const CHROMIUM_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync', ...TEST_CHROMIUM_ARGS];

type Where = 'end' | 'middle';
const POSITIONS: Where[] = ['end', 'middle'];

interface Chunk extends MeasuredTyping {
  where: Where;
}

interface OpenSummary {
  runs: OpenRun[];
  /** Navigation start → the frame showing the full, editable section (the figure to target). */
  medianMs: number;
  firstMs: number;
  medianDomMs: number;
  medianDomContentLoadedMs: number;
}

interface EditorResult {
  chunks: Chunk[];
  end: Percentiles;
  middle: Percentiles;
  all: Percentiles;
  /** Event Timing entries of ≥ 16 ms (the API's threshold; durations are rounded to 8 ms). */
  slowEvents: number;
  /** …of which keydowns, i.e. keystrokes whose frame came ≥ 16 ms after the key. */
  slowKeydowns: number;
  /** Event Timing entries over 16 ms (24 ms and up after rounding): more than a frame late. */
  slowEventsOver16: number;
  words: number;
  open: OpenSummary;
}

interface AppResult extends EditorResult {
  draftId: string;
  seed: SeedReport;
  open: OpenSummary;
  autosave: AutosaveWindow[];
  longestTaskWhileTypingMs: number;
  /** After typing, the stored section holds everything typed (read back from IndexedDB). */
  persisted: boolean;
}

/** An editor being typed into: the app's or the bare one, each on its own page. */
interface Subject {
  name: 'app' | 'bare';
  page: Page;
  selector: string;
  typed: Record<Where, string>;
  chunks: Chunk[];
  autosave: AutosaveWindow[];
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${DEADLINE_MS / 1000} s`);
    process.exit(2);
  }, DEADLINE_MS);
  watchdog.unref();

  const template = loadSdlpTemplate();
  const title = template.sections.find((s) => s.id === LARGEST)!.title;
  const cases = OPEN_CASES.map((c) => openCase(c, title));
  const large = cases.find((c) => c.id === 'large')!;
  for (const c of cases) {
    console.log(
      `Generated ${sum(c.sections.map((s) => s.wordCount))} words in ${c.sections.length} ` +
        `sections; ${LARGEST}: ${c.section.wordCount} words, ` +
        `${kb(c.section.editorState.length)} of editor state.`,
    );
  }

  await mkdir(OUT, { recursive: true });
  const bareDir = await buildBare(cases);

  const servers: StaticServer[] = [];
  let browser: Browser | undefined;
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverageAtStart: loadavg() },
    settings,
    targets: TARGETS,
    fixture: {
      totalWords: sum(large.sections.map((s) => s.wordCount)),
      sections: large.sections.map((s) => ({ sectionId: s.sectionId, words: s.wordCount })),
    },
    startupBundle: startupBundles(),
  };
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    results.chromium = browser.version();

    const bareServer = await serveStatic(bareDir);
    servers.push(bareServer);
    const bareContext = await browser.newContext({ viewport: VIEWPORT });

    let app: AppDrafts | null = null;
    let appOrigin: string | undefined;
    let skipped: string | null = null;
    if (settings.skipApp) skipped = 'BENCH_SKIP_APP=1';
    else if (!existsSync(join(WEB, 'index.html'))) {
      skipped = `no web build at ${WEB} (npm run build:web)`;
    } else {
      const appServer = await serveStatic(WEB, { '/__bench-blank.html': BLANK_PAGE });
      servers.push(appServer);
      appOrigin = appServer.origin;
      try {
        app = await seedApp(browser, appServer.origin, cases);
      } catch (error) {
        skipped = `the app could not be opened and seeded: ${(error as Error).message}`;
      }
    }

    // Each case's loads alternate between the bare page and the app; the large case goes last,
    // and its last pages stay open for typing.
    const opens: Record<string, { bare: OpenSummary; app?: OpenSummary }> = {};
    let pages: { bare: Page; app?: Page } | undefined;
    for (const c of [...cases].sort((a) => (a.id === 'large' ? 1 : -1))) {
      const opened = await openPaired(bareContext, bareServer.origin, app, c, c === large);
      opens[c.id] = {
        bare: summarizeOpen(opened.bare),
        ...(opened.app ? { app: summarizeOpen(opened.app) } : {}),
      };
      if (c === large) pages = opened.pages;
    }
    results.open = opens;

    const bare = await readyBare(pages!.bare, large);
    let appSubject: Subject | null = null;
    if (app && pages!.app) {
      try {
        appSubject = await readyApp(pages!.app, large);
      } catch (error) {
        skipped = `the app could not be opened: ${(error as Error).message}`;
      }
    }

    const subjects = appSubject ? [bare.subject, appSubject] : [bare.subject];
    let persisted = false;
    try {
      await typeInterleaved(subjects);
      if (appSubject) persisted = await typedTextStored(appSubject, app!.draftIds.large);
    } catch (error) {
      if (!appSubject) throw error;
      // The bare editor is the reference; a failure in the app is a finding, not a crash.
      skipped = `typing in the app failed: ${(error as Error).message}`;
      appSubject = null;
      bare.subject.chunks = [];
      await typeInterleaved([bare.subject]);
    }
    if (settings.trace) {
      results.trace = await traceEach(
        browser,
        appSubject ? [bare.subject, appSubject] : [bare.subject],
      );
    }

    const bareResult: EditorResult = {
      ...summarize(bare.subject.chunks),
      words: bare.words,
      open: opens.large!.bare,
    };
    results.bare = bareResult;
    let appResult: AppResult | { skipped: string };
    if (app && appSubject) {
      appResult = {
        draftId: app.draftIds.large,
        seed: app.seed,
        open: opens.large!.app!,
        words: settings.largestWords,
        persisted,
        ...summarize(appSubject.chunks),
        autosave: appSubject.autosave,
        longestTaskWhileTypingMs: Math.max(0, ...appSubject.chunks.flatMap((c) => c.longTasks)),
      };
    } else {
      appResult = { skipped: skipped ?? 'not measured' };
    }
    results.app = appResult;
    if (app && appSubject) {
      try {
        results.export = await benchExport(app.context, appOrigin!, app.draftIds.large);
      } catch (error) {
        results.export = {
          skipped: `the export could not be measured: ${(error as Error).message}`,
        };
      }
      if (settings.pasteRuns > 0) {
        try {
          results.paste = await benchPaste(app.context, appOrigin!, settings.pasteRuns);
        } catch (error) {
          results.paste = {
            skipped: `the paste could not be measured: ${(error as Error).message}`,
          };
        }
      }
      if (settings.soakKeys > 0) {
        // The typing page hands the draft over first: one window edits it at a time.
        await appSubject.page.close();
        try {
          results.heap = await soakApp(app, large);
        } catch (error) {
          results.heap = { skipped: `the heap could not be measured: ${(error as Error).message}` };
        }
      }
    }
    results.machine = { ...(results.machine as object), loadAverageAtEnd: loadavg() };
    results.durationMs = Date.now() - started;
    printTable(
      bareResult,
      appResult,
      opens,
      results.heap as HeapSoak | { skipped: string } | undefined,
    );
    printBundles(results.startupBundle as Record<string, StartupBundle | null>);
    if (results.trace) printTrace(results.trace as Record<string, KeystrokeBreakdown>);
    const exported = results.export as ExportBench | { skipped: string } | undefined;
    if (exported && 'skipped' in exported) console.log(`\nExport: ${exported.skipped}`);
    else if (exported) printExportTable(exported);
    const pasted = results.paste as PasteBench | { skipped: string } | undefined;
    if (pasted && 'skipped' in pasted) console.log(`\nPaste: ${pasted.skipped}`);
    else if (pasted) printPasteTable(pasted);
    // The load before the bench started: its own Chromium pushes the later figure up anyway.
    if (loadAtStart > cpus().length * 0.75) {
      console.log(
        `\nNote: the machine was already busy when the bench started (1-minute load ` +
          `${loadAtStart.toFixed(1)} on ${cpus().length} CPUs): other processes inflate the ` +
          'latencies. Re-run on a quiet machine for figures to compare.',
      );
    }
  } finally {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    await rm(bareDir, { recursive: true, force: true });
    await writeFile(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    console.log(
      `\nFigures written to ${join(OUT, 'results.json')} (${seconds(Date.now() - started)}).`,
    );
  }
}

const BLANK_PAGE = '<!doctype html><meta charset="utf-8"><title>bench seed</title>';

/** A draft whose open time is measured: its sections, and the largest one (in `deliver`). */
interface OpenCase {
  id: 'large' | 'medium';
  label: string;
  totalWords: number;
  sections: GeneratedSection[];
  section: GeneratedSection;
  probe: { title: string; minChars: number };
}

const OPEN_CASES = [
  {
    id: 'large',
    label: `${thousands(settings.totalWords)}-word draft (${thousands(settings.largestWords)} in ${LARGEST})`,
    totalWords: settings.totalWords,
    largestWords: settings.largestWords,
  },
  {
    id: 'medium',
    label: `${thousands(settings.mediumTotalWords)}-word draft (${thousands(settings.mediumLargestWords)} in ${LARGEST})`,
    totalWords: settings.mediumTotalWords,
    largestWords: settings.mediumLargestWords,
  },
] as const;

function openCase(c: (typeof OPEN_CASES)[number], title: string): OpenCase {
  const sections = generateAed({ totalWords: c.totalWords, largestWords: c.largestWords });
  const section = sections.find((s) => s.sectionId === LARGEST)!;
  // Lexical renders text without the block separators getTextContent adds.
  const minChars = Math.floor(section.text.replace(/\n/g, '').length * 0.99);
  return {
    id: c.id,
    label: c.label,
    totalWords: c.totalWords,
    sections,
    section,
    probe: { title, minChars },
  };
}

/**
 * The bare page, bundled like the app (production Lexical), with each case's section JSON beside
 * it (`<case>.json`, chosen with `?section=<case>`). Built into a temporary folder rather than
 * .bench/, where `eslint .` would find the bundle.
 */
async function buildBare(cases: OpenCase[]): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'aed-bench-bare-'));
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./bare/', import.meta.url)),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  for (const c of cases) await writeFile(join(outDir, `${c.id}.json`), c.section.editorState);
  return outDir;
}

/** The app's drafts, one per case, seeded into its IndexedDB. */
interface AppDrafts {
  context: BrowserContext;
  origin: string;
  draftIds: Record<OpenCase['id'], string>;
  seed: SeedReport;
}

async function seedApp(browser: Browser, origin: string, cases: OpenCase[]): Promise<AppDrafts> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const draftIds = {} as Record<OpenCase['id'], string>;
  for (const c of cases) draftIds[c.id] = await createDraft(context, origin, c.label);

  const seedPage = await context.newPage();
  await seedPage.goto(`${origin}/__bench-blank.html`);
  const now = Date.now();
  let seed: SeedReport | undefined;
  for (const c of cases) {
    const draftId = draftIds[c.id];
    const records: SectionRecord[] = c.sections.map((s) => ({
      ...emptySection(draftId, s.sectionId, now),
      editorState: s.editorState,
      text: s.text,
      wordCount: s.wordCount,
    }));
    const report = await seedSections(seedPage, draftId, records);
    if (c.id === 'large') seed = report;
    const check = await readSection(seedPage, draftId, LARGEST);
    if (check?.wordCount !== c.section.wordCount) {
      throw new Error(`seeding did not stick: ${LARGEST} reads back as ${JSON.stringify(check)}`);
    }
  }
  await seedPage.close();
  console.log(
    `Seeded drafts ${cases.map((c) => draftIds[c.id]).join(', ')}: ${seed!.written} sections ` +
      `each; database v${seed!.version}, stores ` +
      `${seed!.stores.map((s) => `${s.name} ${JSON.stringify(s.keyPath)}`).join(', ')}.`,
  );
  if (seed!.unexpectedFields.length || seed!.missingFields.length) {
    console.log(
      `  Stored section records differ from shared/model's SectionRecord: extra ` +
        `[${seed!.unexpectedFields.join(', ')}], missing [${seed!.missingFields.join(', ')}].`,
    );
  }
  return { context, origin, draftIds, seed: seed! };
}

const appUrl = (app: AppDrafts, c: OpenCase) =>
  `${app.origin}/#/draft/${app.draftIds[c.id]}/section/${LARGEST}`;

/**
 * Fresh page loads of the same section, alternating between the bare page and the app (and
 * which goes first), so a change in the machine's load falls on both alike. The last page of
 * each stays open when `keep`.
 */
async function openPaired(
  bareContext: BrowserContext,
  bareOrigin: string,
  app: AppDrafts | null,
  c: OpenCase,
  keep: boolean,
): Promise<{ bare: OpenRun[]; app?: OpenRun[]; pages: { bare: Page; app?: Page } }> {
  const bareRuns: OpenRun[] = [];
  const appRuns: OpenRun[] = [];
  let barePage: Page | undefined;
  let appPage: Page | undefined;
  const openBare = async () => {
    await barePage?.close();
    const opened = await openAndTime(
      bareContext,
      `${bareOrigin}/index.html?section=${c.id}`,
      c.probe,
    );
    barePage = opened.page;
    bareRuns.push(opened.run);
  };
  const openApp = async () => {
    // The previous page goes first: it holds the draft's lock, and the next would open read-only.
    await appPage?.close();
    const opened = await openAndTime(app!.context, appUrl(app!, c), c.probe);
    appPage = opened.page;
    if (opened.run.words !== c.section.wordCount) {
      throw new Error(
        `the app's editor shows ${opened.run.words} words, expected ${c.section.wordCount}`,
      );
    }
    appRuns.push(opened.run);
  };
  for (let i = 0; i < Math.max(1, settings.openRuns); i++) {
    const order = app ? (i % 2 === 0 ? [openBare, openApp] : [openApp, openBare]) : [openBare];
    for (const open of order) await open();
  }
  if (!keep) {
    await barePage?.close();
    await appPage?.close();
  }
  return {
    bare: bareRuns,
    ...(app ? { app: appRuns } : {}),
    pages: { bare: barePage!, ...(appPage ? { app: appPage } : {}) },
  };
}

function summarizeOpen(runs: OpenRun[]): OpenSummary {
  return {
    runs,
    medianMs: median(runs.map((r) => r.paintedMs)),
    firstMs: runs[0]!.paintedMs,
    medianDomMs: median(runs.map((r) => r.domMs)),
    medianDomContentLoadedMs: median(runs.map((r) => r.domContentLoadedMs)),
  };
}

async function readyBare(page: Page, c: OpenCase): Promise<{ subject: Subject; words: number }> {
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === 'true');
  const words = await editorWords(page, '#editor');
  if (words !== c.section.wordCount) {
    throw new Error(`The bare editor shows ${words} words, expected ${c.section.wordCount}.`);
  }
  await installKeyProbe(page, '#editor');
  return { subject: newSubject('bare', page, '#editor'), words };
}

async function readyApp(page: Page, c: OpenCase): Promise<Subject> {
  const selector = await tagEditor(page, c);
  await waitForSaved(page);
  await installKeyProbe(page, selector);
  return newSubject('app', page, selector);
}

/** Tags the section's editor so the page-side helpers find it with a plain selector. */
async function tagEditor(page: Page, c: OpenCase): Promise<string> {
  await page
    .getByRole('textbox', { name: c.probe.title, exact: true })
    .evaluate((el) => el.setAttribute('data-bench-editor', ''));
  return '[data-bench-editor]';
}

/** A fresh load of the large draft with the virtual clock, then the half hour of typing. */
async function soakApp(app: AppDrafts, c: OpenCase): Promise<HeapSoak> {
  const page = await app.context.newPage();
  await page.addInitScript(installVirtualClock, {
    msPerKey: MS_PER_KEY,
    pauseMs: SENTENCE_PAUSE_MS,
  });
  await page.goto(appUrl(app, c));
  await page
    .getByRole('textbox', { name: c.probe.title, exact: true })
    .waitFor({ state: 'visible', timeout: 20_000 });
  const selector = await tagEditor(page, c);
  await placeCaret(page, selector, 'end');
  try {
    return await heapSoak(page, selector, {
      keys: settings.soakKeys,
      samples: settings.soakSamples,
      waitForSaved: (p) => waitForSaved(p, 5_000),
    });
  } finally {
    await page.close();
  }
}

function newSubject(name: Subject['name'], page: Page, selector: string): Subject {
  return { name, page, selector, typed: { end: '', middle: '' }, chunks: [], autosave: [] };
}

/**
 * Types at each position in both editors, alternating chunks between them (and which goes
 * first), so a change in the machine's load during the run falls on both alike and the ratio
 * stays fair. After each app chunk typing stops, which is when the autosave window is measured;
 * it ends once the save is in, so the app is quiet again before the bare editor's next chunk.
 */
async function typeInterleaved(subjects: Subject[]): Promise<void> {
  const chunks = settings.chunksPerPosition;
  const perChunk = Math.ceil(settings.keysPerPosition / chunks);
  for (const where of POSITIONS) {
    const text = typingText(perChunk * chunks);
    for (const s of subjects) {
      await placeCaret(s.page, s.selector, where);
      s.typed[where] = await warmUp(s.page, settings.warmupKeys);
    }
    for (let c = 0; c < chunks; c++) {
      const part = text.slice(c * perChunk, (c + 1) * perChunk);
      const order = c % 2 === 0 ? subjects : [...subjects].reverse();
      for (const s of order) {
        const isApp = s.name === 'app';
        const watchSave = isApp ? () => startAutosaveWindow(s.page) : undefined;
        const typing = await typeMeasured(s.page, part, settings.gapMs, watchSave);
        s.chunks.push({ where, ...typing });
        s.typed[where] += part;
        if (isApp) s.autosave.push(await finishAutosaveWindow(s.page));
      }
    }
    for (const s of subjects) {
      if (!(await typedTextLanded(s.page, s.selector, s.typed[where]))) {
        throw new Error(
          `in the ${s.name} editor, text typed at the ${where} did not stay where the caret was put`,
        );
      }
    }
  }
}

/** After the measured typing, a traced burst at the end of each editor (see trace.ts). */
async function traceEach(
  browser: Browser,
  subjects: Subject[],
): Promise<Record<string, KeystrokeBreakdown & { typing?: MeasuredTyping }>> {
  const out: Record<string, KeystrokeBreakdown & { typing?: MeasuredTyping }> = {};
  const traced: Record<string, MeasuredTyping> = {};
  const keys = 100;
  for (const s of subjects) {
    await placeCaret(s.page, s.selector, 'end');
    await waitForSaved(s.page);
    out[s.name] = await traceTyping(
      browser,
      s.page,
      keys,
      async () => {
        traced[s.name] = await typeMeasured(s.page, typingText(keys), settings.gapMs);
      },
      join(OUT, `trace-${s.name}.json`),
    );
    // The traced keys' own latencies (inflated by tracing) line up spikes with the trace.
    out[s.name]!.typing = traced[s.name];
    await waitForSaved(s.page);
  }
  return out;
}

/** Once the app says Saved, the stored section holds every run of typed text. */
async function typedTextStored(app: Subject, draftId: string): Promise<boolean> {
  await waitForSaved(app.page, 5_000);
  const stored = await readSection(app.page, draftId, LARGEST);
  const text = typeof stored?.text === 'string' ? stored.text : '';
  return POSITIONS.every((where) => text.includes(app.typed[where]));
}

/** The UI flow from UI-CONTRACT.md; returns the new draft's id from the URL hash. */
async function createDraft(
  context: BrowserContext,
  origin: string,
  title: string,
): Promise<string> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'New draft', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New draft' });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(`Benchmark AED: ${title}`);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(/#\/draft\/[^/]+\/section\/[^/]+/);
  const draftId = decodeURIComponent(/#\/draft\/([^/]+)\//.exec(page.url())![1]!);
  // Let the new draft's first writes settle before another page writes the same records.
  await waitForSaved(page);
  await page.close();
  return draftId;
}

/** Waits (bounded) until the save status says Saved; some screens have no status, which is fine. */
async function waitForSaved(page: Page, timeoutMs = 3_000): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const status = [...document.querySelectorAll('[role="status"], output')].find((el) =>
          /\bsav(ed|ing)\b|unsaved/i.test(el.textContent ?? ''),
        );
        return !status || /\bSaved\b/.test(status.textContent ?? '');
      },
      undefined,
      { timeout: timeoutMs },
    )
    .catch(() => undefined);
}

async function editorWords(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    // As in open-time.ts: the text of every block, rendered yet or not.
    const clone = el.cloneNode(true) as HTMLElement;
    clone
      .querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, td, th')
      .forEach((block) => block.prepend('\n'));
    return (clone.textContent ?? '')
      .split(/[\s\u2013\u2014\u2015]+/u)
      .filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  });
}

function summarize(chunks: Chunk[]): Omit<EditorResult, 'words' | 'open'> {
  const at = (where: Where) => chunks.filter((c) => c.where === where).flatMap((c) => c.latencies);
  const slow = chunks.flatMap((c) => c.slowEvents);
  return {
    chunks,
    end: percentiles(at('end')),
    middle: percentiles(at('middle')),
    all: percentiles(chunks.flatMap((c) => c.latencies)),
    slowEvents: slow.length,
    slowKeydowns: slow.filter((e) => e.name === 'keydown').length,
    slowEventsOver16: slow.filter((e) => e.duration > 16).length,
  };
}

function printTable(
  bare: EditorResult,
  app: AppResult | { skipped: string },
  opens: Record<string, { bare: OpenSummary; app?: OpenSummary }>,
  heap: HeapSoak | { skipped: string } | undefined,
): void {
  const a = 'skipped' in app ? undefined : app;
  const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
  const trio = (p?: Percentiles) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}` : '—');
  const p95 = (p: Percentiles) => ok(p.p95 < TARGETS.keystrokeP95Ms);
  const slow = (r: EditorResult) =>
    `${r.slowEvents} (${r.slowKeydowns} keydowns, ${r.slowEventsOver16} > 16 ms)`;
  // [measure, app, bare, target, verdict]
  const rows: string[][] = [['', 'app', 'bare', 'target', '']];
  const openCol = (o: OpenSummary | undefined, pick: (o: OpenSummary) => string) =>
    o ? pick(o) : '—';
  const breakdown = (o: OpenSummary) => `${ms(o.medianDomContentLoadedMs)} / ${ms(o.medianDomMs)}`;
  for (const c of OPEN_CASES) {
    const o = opens[c.id];
    if (!o) continue;
    const ratio = o.app ? o.app.medianMs / o.bare.medianMs : undefined;
    const large = c.id === 'large';
    rows.push(
      [
        `open → editable, ${c.label}, median of ${o.bare.runs.length} (ms)`,
        openCol(o.app, (x) => ms(x.medianMs)),
        ms(o.bare.medianMs),
        large ? `≤ ${TARGETS.openRatio}× bare` : `≤ ${TARGETS.mediumOpenMs}`,
        o.app
          ? ok(large ? ratio! <= TARGETS.openRatio : o.app.medianMs <= TARGETS.mediumOpenMs)
          : '',
      ],
      ['  app / bare', ratio === undefined ? '—' : `${ratio.toFixed(2)}×`, '', '', ''],
      ['  first load (ms)', openCol(o.app, (x) => ms(x.firstMs)), ms(o.bare.firstMs), '', ''],
      [
        '  medians: DOMContentLoaded / editor full in DOM',
        openCol(o.app, breakdown),
        breakdown(o.bare),
        '',
        '',
      ],
    );
  }
  const limit = `p95 < ${TARGETS.keystrokeP95Ms}`;
  rows.push(
    [
      'keystroke at end, p50 / p95 / p99 (ms)',
      trio(a?.end),
      trio(bare.end),
      limit,
      a ? p95(a.end) : '',
    ],
    [
      'keystroke in middle, p50 / p95 / p99 (ms)',
      trio(a?.middle),
      trio(bare.middle),
      limit,
      a ? p95(a.middle) : '',
    ],
    [
      'keystroke, all, p50 / p95 / p99 (ms)',
      trio(a?.all),
      trio(bare.all),
      limit,
      a ? p95(a.all) : '',
    ],
  );
  if (a) {
    const r50 = a.all.p50 / bare.all.p50;
    const r95 = a.all.p95 / bare.all.p95;
    rows.push(
      ['app / bare at p50', r50.toFixed(2), '', `≤ ${TARGETS.ratio}`, ok(r50 <= TARGETS.ratio)],
      ['app / bare at p95', r95.toFixed(2), '', `≤ ${TARGETS.ratio}`, ok(r95 <= TARGETS.ratio)],
    );
  }
  rows.push([
    `slow events ≥ 16 ms, over ${bare.all.n} keys`,
    a ? slow(a) : '—',
    slow(bare),
    '',
    '',
  ]);
  if (a) {
    const longest = Math.max(...a.autosave.map((w) => w.longestTaskMs));
    const gap = Math.max(...a.autosave.map((w) => w.longestFrameGapMs));
    const waits = a.autosave.map((w) => w.savedAfterMs ?? Infinity);
    const worst = Math.max(...waits);
    const already = a.autosave.filter((w) => !w.wasUnsaved).length;
    const early = a.autosave.filter((w) => w.savedTooEarly).length;
    rows.push(
      [
        `autosave: longest task > 50 ms, ${a.autosave.length} windows`,
        longest ? `${ms(longest)} ms` : 'none',
        '—',
        '',
        '',
      ],
      ['autosave: longest gap between frames', `${ms(gap)} ms`, '—', '', ''],
      [
        '"Saved" after typing stopped, worst',
        (worst === Infinity ? 'never' : `${ms(worst)} ms`) +
          (already ? ` (${already}× already saved)` : ''),
        '—',
        '≤ 1000 ms',
        ok(worst <= 1_000),
      ],
      [
        '"Saved" shown while a change was unsaved',
        early ? `${early} of ${a.autosave.length} windows` : 'never',
        '—',
        'never',
        ok(early === 0),
      ],
      [
        'typed text in IndexedDB afterwards',
        a.persisted ? 'yes' : 'NO',
        '—',
        'yes',
        ok(a.persisted),
      ],
      [
        'longest task while typing',
        a.longestTaskWhileTypingMs ? `${ms(a.longestTaskWhileTypingMs)} ms` : 'none',
        '—',
        '',
        '',
      ],
    );
  }
  if (heap && 'skipped' in heap) {
    rows.push(['JS heap after typing', heap.skipped, '—', '', '']);
  } else if (heap) {
    rows.push(
      [
        `JS heap after ${thousands(heap.keys)} keys (${heap.minutes.toFixed(0)} min of writing)`,
        `${heap.finalMb.toFixed(1)} MB`,
        '—',
        `≤ ${TARGETS.heapMb} MB`,
        ok(heap.finalMb <= TARGETS.heapMb),
      ],
      [
        '  growth over the second half, per 10 min',
        `${heap.slopeMbPer10Min >= 0 ? '+' : ''}${heap.slopeMbPer10Min.toFixed(2)} MB`,
        '—',
        '',
        '',
      ],
      [
        '  typed text all in the editor',
        heap.typedLanded ? 'yes' : 'NO',
        '—',
        'yes',
        ok(heap.typedLanded),
      ],
    );
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  console.log('');
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  }
  if (!a) console.log(`\nApp not measured: ${(app as { skipped: string }).skipped}`);
  if (heap && !('skipped' in heap)) {
    const line = heap.samples
      .map((x) => `${x.minutes.toFixed(0)} min ${x.usedMb.toFixed(1)}`)
      .join(', ');
    console.log(`\nJS heap (MB, after GC) as the writing went on: ${line}`);
  }
}

/** The start-up JavaScript of the web build (and of the desktop one, if it was built). */
function startupBundles(): Record<string, StartupBundle | null> {
  const measure = (dir: string) =>
    existsSync(join(dir, 'index.html')) ? startupBundle(dir) : null;
  return { web: measure(WEB), desktop: measure(DESKTOP) };
}

function printBundles(bundles: Record<string, StartupBundle | null>): void {
  console.log('');
  for (const [name, b] of Object.entries(bundles)) {
    console.log(
      b ? formatBundle(`Start-up JS, ${name} build`, b) : `Start-up JS, ${name}: no build`,
    );
  }
}

function printTrace(trace: Record<string, KeystrokeBreakdown>): void {
  console.log('\nTraced typing (BENCH_TRACE), main-thread self time per keystroke, ms:');
  for (const [name, b] of Object.entries(trace)) {
    const top = b.selfPerKeyMs.map((x) => `${x.name} ${x.ms.toFixed(2)}`).join(', ');
    console.log(`  ${name}: busy ${b.busyPerKeyMs.toFixed(2)}; ${top}`);
  }
  console.log(
    `  Raw traces: ${join(OUT, 'trace-*.json')} (DevTools → Performance → Load profile).`,
  );
}

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const kb = (chars: number) => `${(chars / 1024).toFixed(0)} KB`;
function thousands(n: number): string {
  return n.toLocaleString('en-GB');
}
const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
