// Page models over the UI contract (../shared/UI-CONTRACT.md): tests find controls the way a
// screen-reader user would, by role and accessible name.
import { chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';

export const EXPLORE = 'Explore — why this initiative?';

export class LibraryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('./#/');
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Drafts' });
  }

  draftLink(title: string): Locator {
    return this.page.getByRole('link', { name: title });
  }

  async createDraft(title: string): Promise<DraftPage> {
    await this.page.getByRole('button', { name: 'New draft' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New draft' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('button', { name: 'Create' }).click();
    const draft = new DraftPage(this.page);
    await expect(draft.sections).toBeVisible();
    return draft;
  }
}

export class DraftPage {
  constructor(readonly page: Page) {}

  get sections(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' });
  }

  get status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Saved|Saving|Unsaved|Not saved/ });
  }

  editor(sectionTitle: string): Locator {
    return this.page.getByRole('textbox', { name: sectionTitle, exact: true });
  }

  async openSection(title: string): Promise<Locator> {
    await this.sections.getByRole('link', { name: title, exact: true }).click();
    const editor = this.editor(title);
    await expect(editor).toBeVisible();
    return editor;
  }

  async expectSaved(): Promise<void> {
    await expect(this.status).toHaveText(/\bSaved\b/);
  }

  /** The draft id and section id from the URL hash (`#/draft/<id>/section/<id>`). */
  route(): { draftId: string; sectionId: string } {
    const m = /#\/draft\/([^/]+)\/section\/([^/]+)/.exec(this.page.url());
    if (!m) throw new Error(`not on a draft section: ${this.page.url()}`);
    return { draftId: decodeURIComponent(m[1]!), sectionId: decodeURIComponent(m[2]!) };
  }
}

/** Where most tests start: the library opened afresh and a new draft made in it. */
export async function newDraft(
  page: Page,
  title: string,
): Promise<{ library: LibraryPage; draft: DraftPage }> {
  const library = new LibraryPage(page);
  await library.goto();
  return { library, draft: await library.createDraft(title) };
}

/** A new draft opened at a section with a rich-text editor (Explore unless said otherwise). */
export async function newDraftAt(
  page: Page,
  title: string,
  section: string = EXPLORE,
): Promise<{ library: LibraryPage; draft: DraftPage; editor: Locator }> {
  const { library, draft } = await newDraft(page, title);
  return { library, draft, editor: await draft.openSection(section) };
}

/** A browser with a profile on disk, so a test can close it and relaunch on the same data. */
export async function launchProfile(
  dir: string = mkdtempSync(join(tmpdir(), 'aed-profile-')),
): Promise<{
  dir: string;
  context: BrowserContext;
}> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 4174}/`,
  });
  return { dir, context };
}

/** Maths a participant writes: the exports and the store must keep every character. */
export const MATHS = '≤ ≥ ÷ × π √ ½ x² 30°';

/**
 * Makes the page's IndexedDB refuse writes as Chromium does when the disk quota is reached.
 * Resolves a function that puts writes back.
 */
export async function fillDisk(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = window as unknown as { __restoreWrites?: () => void };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to put it back as it was
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    w.__restoreWrites = () => {
      IDBObjectStore.prototype.put = put;
    };
  });
  return () =>
    page.evaluate(() => (window as unknown as { __restoreWrites: () => void }).__restoreWrites());
}

/**
 * Pastes as Ctrl+V does: a real paste event with a real DataTransfer at the focused element, so
 * the editor's own paste handling runs, as it does for a copy from Word or Google Docs.
 */
export async function pasteHtml(page: Page, html: string, plain = 'pasted'): Promise<void> {
  await page.evaluate(
    ({ html, plain }) => {
      const target = document.activeElement!;
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', plain);
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html, plain },
  );
}

/** Pastes files as Ctrl+V does after copying an image: a paste event whose clipboard holds them. */
export async function pasteFiles(
  page: Page,
  files: ReadonlyArray<{ name: string; type: string; bytes: Uint8Array }>,
): Promise<void> {
  await page.evaluate(
    (files) => {
      const target = document.activeElement!;
      const data = new DataTransfer();
      for (const f of files) {
        data.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      }
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    files.map((f) => ({ name: f.name, type: f.type, bytes: [...f.bytes] })),
  );
}

/** A section's record as IndexedDB holds it now, read with the raw API (not through the app). */
export interface StoredSection {
  editorState: string | null;
  text: string;
  updatedAt: number;
  [key: string]: unknown;
}

export function readStoredSection(
  page: Page,
  draftId: string,
  sectionId: string,
): Promise<StoredSection | undefined> {
  return page.evaluate(
    ([draftId, sectionId]) =>
      new Promise<StoredSection | undefined>((resolve, reject) => {
        const open = indexedDB.open('aed-writer');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('sections').objectStore('sections').get([draftId, sectionId]);
          get.onsuccess = () => {
            db.close();
            resolve(get.result as StoredSection | undefined);
          };
          get.onerror = () => reject(get.error ?? new Error('get failed'));
        };
      }),
    [draftId, sectionId] as const,
  );
}

/**
 * Changes a section's stored record straight in IndexedDB, as an older or newer version of the
 * app, or a hand-edited file, could have left it. Reload afterwards to open it.
 */
export async function writeStoredSection(
  page: Page,
  draftId: string,
  sectionId: string,
  patch: Partial<StoredSection>,
): Promise<void> {
  await page.evaluate(
    async ({ draftId, sectionId, patch }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('aed-writer');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('sections', 'readwrite');
        const store = tx.objectStore('sections');
        const get = store.get([draftId, sectionId]);
        get.onsuccess = () => store.put({ ...(get.result as object), ...patch });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { draftId, sectionId, patch },
  );
}

/**
 * The number Chromium draws beside each list item it has laid out (a list off screen may be
 * skipped: content-visibility), from the accessibility tree: what a reader sees, not the DOM's
 * `value`.
 */
export async function drawnNumbers(page: Page): Promise<Array<{ marker: string; text: string }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const children = (id: string) =>
      (byId.get(id)?.childIds ?? []).flatMap((c) => (byId.has(c) ? [byId.get(c)!] : []));
    const name = (id: string) => String(byId.get(id)?.name?.value ?? '');
    const found: Array<{ marker: string; text: string }> = [];
    // In document order: depth first from the page's root.
    const pending = nodes.filter((n) => n.parentId === undefined).reverse();
    while (pending.length > 0) {
      const node = pending.pop()!;
      const parts = children(node.nodeId);
      const marker = parts.find((c) => c.role?.value === 'ListMarker');
      if (node.role?.value === 'listitem' && marker) {
        const text = parts
          .filter((c) => c.role?.value === 'StaticText')
          .map((c) => name(c.nodeId))
          .join('');
        found.push({ marker: name(marker.nodeId).trim(), text });
      }
      pending.push(...parts.reverse());
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/**
 * Presses a key that moves the caret in the browser's own way (arrows, Home, End) and waits
 * until the editor has taken the move in. Lexical learns of it from the `selectionchange` event,
 * which Chromium may deliver after the next key on a busy page; a key Lexical handles itself
 * (Enter, Tab, Backspace) would then act where the caret was. Only for a key that does move it.
 */
export async function moveCaret(page: Page, key: string): Promise<void> {
  await page.evaluate(() => {
    const moved = new Promise<void>((resolve) =>
      document.addEventListener('selectionchange', () => resolve(), { once: true }),
    );
    (window as unknown as { __caretMoved: Promise<void> }).__caretMoved = moved;
  });
  await page.keyboard.press(key);
  await page.evaluate(() => (window as unknown as { __caretMoved: Promise<void> }).__caretMoved);
}
