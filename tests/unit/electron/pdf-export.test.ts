import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';

const { electron, resetFakeElectron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import { nodeFileWriteOps } from '../../../electron/main/file-save';
import type { ChooseSaveDestination } from '../../../electron/main/file-save';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers';
import { registerIpcHandlers } from '../../../electron/main/ipc-registry';
import { mainWindowWebPreferences } from '../../../electron/main/main-window';
import {
  createPdfExporter,
  PDF_PRINT_OPTIONS,
  type PrintWindowSettings,
} from '../../../electron/main/pdf-export';
import { PrintJobs } from '../../../electron/main/pdf-jobs';
import { buildDocument } from '../../../shared/export/document';
import type { PrintJob } from '../../../shared/export/print-job';
import type { IpcHandlers } from '../../../shared/ipc';
import { emptySection } from '../../../shared/model';
import { getTemplate } from '../../../shared/templates';

const SETTINGS: PrintWindowSettings = {
  preloadPath: '/app/out/preload/index.cjs',
  isPackaged: true,
};
const DOCUMENT = buildDocument({
  template: getTemplate('sdlp-aed'),
  draft: {
    id: 'd1',
    title: 'My AED',
    templateId: 'sdlp-aed',
    templateVersion: 1,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    lastSectionId: null,
  },
  sections: [{ ...emptySection('d1', 'about-you', 0), fields: { 'full-name': 'Siân O’Connor' } }],
  submission: { label: 'Interim 1', date: new Date(2026, 2, 14) },
  options: { includeGuidance: false, includeWordCounts: true, omitEmptySections: false },
});
const ARGS: PrintJob = {
  draftId: 'd1',
  document: DOCUMENT,
  fileName: 'AED - Siân O’Connor - Interim 1 - 2026-03-14.pdf',
};
/** Export ids in the order main hands them out. */
const ids = () => {
  let n = 0;
  return new PrintJobs(() => `job-${++n}`);
};

let dir: string;
beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'aed-pdf-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

const lastWindow = () => electron.BrowserWindow.instances.at(-1)!;

// The print view's page, in whichever window: the registry lets only the app's own page through.
const printFrame = { url: 'app://aed/index.html#/print/d1?export=job-1', parent: null };
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Main's handlers behind the registry's sender and argument checks, called as `sender`. */
function registered(handlers: IpcHandlers<IpcMainInvokeEvent>, frame: unknown = printFrame) {
  const listeners = new Map<string, Listener>();
  registerIpcHandlers(
    { handle: (channel, listener) => listeners.set(channel, listener), removeHandler: vi.fn() },
    handlers,
  );
  return (channel: string, sender: { id: number }, ...args: unknown[]) =>
    listeners.get(channel)!({ senderFrame: frame, sender } as never, ...args);
}

const exportIdIn = (url: string) => new URLSearchParams(url.split('?')[1]).get('export');
const chooseIn = (name = 'out.pdf'): ChooseSaveDestination =>
  vi.fn(() => Promise.resolve(join(dir, name)));

describe('pdf:export', () => {
  it('prints the view in a hidden, locked-down window and saves the PDF through file-save', async () => {
    const choose = chooseIn();
    const result = await createPdfExporter(SETTINGS, ids())(ARGS, choose);
    expect(result).toEqual({ ok: true, saved: true, path: join(dir, 'out.pdf') });

    const win = lastWindow();
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toEqual({
      ...mainWindowWebPreferences(SETTINGS.preloadPath, SETTINGS.isPackaged),
      backgroundThrottling: false,
    });
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // The app's own page showing this export's job, without autoprint (no print dialog in a
    // window nobody sees).
    expect(win.loadURL).toHaveBeenCalledWith('app://aed/index.html#/print/d1?export=job-1');
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_PRINT_OPTIONS);
    expect(PDF_PRINT_OPTIONS).toMatchObject({
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
    });
    expect(win.destroy).toHaveBeenCalled();

    expect(choose).toHaveBeenCalledWith({
      defaultName: ARGS.fileName,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    expect(await readFile(join(dir, 'out.pdf'), 'utf8')).toBe('%PDF-1.4 fake');
  });

  it('renders before asking where to save, and reports a cancelled dialog as not saved', async () => {
    const choose = vi.fn(() => {
      expect(lastWindow().webContents.printToPDF).toHaveBeenCalled();
      expect(lastWindow().destroy).toHaveBeenCalled();
      return Promise.resolve(undefined);
    });
    await expect(createPdfExporter(SETTINGS)(ARGS, choose)).resolves.toEqual({
      ok: true,
      saved: false,
    });
  });

  it.each([
    ['ENOSPC', /isn't enough space on the disk/],
    ['EACCES', /don't have permission/],
    ['EBUSY', /open in another program \(Word\?\)/],
  ])(
    'maps a %s write failure to file-save’s sentence, leaving no temp file',
    async (code, message) => {
      const ops = {
        ...nodeFileWriteOps,
        rename: () => Promise.reject(Object.assign(new Error(code), { code })),
      };
      const result = await createPdfExporter(SETTINGS)(ARGS, chooseIn(), ops);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(message) as unknown });
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it.each([
    ['an address instead of a document', { printUrlHash: '#/print/x#https://evil.example/' }],
    ['a draft id with a path in it', { ...ARGS, draftId: '../../etc' }],
    ['no document', { ...ARGS, document: undefined }],
    [
      'a document with a javascript: link',
      {
        ...ARGS,
        document: {
          ...DOCUMENT,
          sections: [
            {
              ...DOCUMENT.sections[0]!,
              blocks: [
                {
                  kind: 'paragraph',
                  runs: [{ kind: 'link', href: 'javascript:alert(1)', runs: [] }],
                },
              ],
            },
          ],
        },
      },
    ],
    ['an empty file name', { ...ARGS, fileName: ' ' }],
  ])('refuses %s at the IPC gate, without opening a window', async (_label, args) => {
    const call = registered(
      createIpcHandlers({ acknowledgeClose: vi.fn(), printWindow: SETTINGS }),
    );
    await expect(call('pdf:export', { id: 1 }, args)).rejects.toThrow(/refused/);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('passes on the view’s alert when it cannot render, and closes the window', async () => {
    electron.BrowserWindow.nextSetup = (win) => {
      win.webContents.probeAnswer = {
        state: 'error',
        message: 'This draft is not in your library.',
      };
    };
    const choose = chooseIn();
    const result = await createPdfExporter(SETTINGS)(ARGS, choose);
    expect(result).toEqual({
      ok: false,
      error: 'The PDF could not be made: This draft is not in your library.',
    });
    expect(lastWindow().destroy).toHaveBeenCalled();
    expect(lastWindow().webContents.printToPDF).not.toHaveBeenCalled();
    expect(choose).not.toHaveBeenCalled();
  });

  it('gives up with a clear message when the view never gets ready', async () => {
    vi.useFakeTimers();
    electron.BrowserWindow.nextSetup = (win) => {
      win.webContents.probeAnswer = { state: '' };
    };
    const exporting = createPdfExporter({ ...SETTINGS, readyTimeoutMs: 60_000 })(ARGS, chooseIn());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await exporting).toEqual({
      ok: false,
      error: expect.stringMatching(/still being prepared after 60 seconds/) as unknown,
    });
    expect(lastWindow().destroy).toHaveBeenCalled();
  });

  it('says so when the page crashes while preparing', async () => {
    electron.BrowserWindow.nextSetup = (win) => {
      win.webContents.probeAnswer = { state: '' };
      setTimeout(() => win.webContents.emit('render-process-gone', {}, { reason: 'oom' }), 0);
    };
    const result = await createPdfExporter(SETTINGS)(ARGS, chooseIn());
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/stopped \(oom\)/) as unknown,
    });
  });

  it('makes one PDF at a time', async () => {
    let release!: () => void;
    electron.BrowserWindow.nextSetup = (win) => {
      // Only the first window's page is slow to load.
      electron.BrowserWindow.nextSetup = undefined;
      win.loadURL.mockReturnValue(new Promise<void>((resolve) => (release = resolve)));
    };
    const exportPdf = createPdfExporter(SETTINGS);
    const first = exportPdf(ARGS, chooseIn());
    await expect(exportPdf(ARGS, chooseIn('second.pdf'))).resolves.toEqual({
      ok: false,
      error: expect.stringMatching(/already being made/) as unknown,
    });
    release();
    await expect(first).resolves.toMatchObject({ ok: true, saved: true });
    await expect(exportPdf(ARGS, chooseIn('third.pdf'))).resolves.toMatchObject({ ok: true });
  });

  it('is wired into main’s handlers with the save dialog on the sending window', async () => {
    const target = join(dir, 'from-dialog.pdf');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const handlers = createIpcHandlers({ acknowledgeClose: vi.fn(), printWindow: SETTINGS });
    const event = { sender: { id: 1 } } as unknown as IpcMainInvokeEvent;
    await expect(handlers['pdf:export'](ARGS, event)).resolves.toEqual({
      ok: true,
      saved: true,
      path: target,
    });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      { id: 'owner' },
      expect.objectContaining({
        defaultPath: join('/home/teacher/Documents', ARGS.fileName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      }),
    );
    const unset = createIpcHandlers({ acknowledgeClose: vi.fn() });
    await expect(unset['pdf:export'](ARGS, event)).resolves.toMatchObject({ ok: false });
  });
});

describe('pdf:document', () => {
  const handlers = () => createIpcHandlers({ acknowledgeClose: vi.fn(), printWindow: SETTINGS });

  it('hands the built document to the print window main opened, and to no one else', async () => {
    const target = join(dir, 'handed.pdf');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const call = registered(handlers());
    const received: unknown[] = [];
    electron.BrowserWindow.nextSetup = (win) => {
      win.loadURL.mockImplementation(async (url: string) => {
        // What the print view does once loaded: ask for the job its address names.
        const exportId = exportIdIn(url);
        received.push(await call('pdf:document', win.webContents, { exportId }));
        // The main window (or any other page) asking for that job is refused.
        await expect(call('pdf:document', { id: 1 }, { exportId })).rejects.toThrow(/refused/);
      });
    };
    await expect(call('pdf:export', { id: 1 }, ARGS)).resolves.toEqual({
      ok: true,
      saved: true,
      path: target,
    });
    expect(received).toEqual([ARGS]);
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.4 fake');

    // Once the PDF is made the job is gone, even for the window it was for.
    const win = lastWindow();
    const exportId = exportIdIn(win.loadURL.mock.calls[0]![0]);
    await expect(call('pdf:document', win.webContents, { exportId })).rejects.toThrow(/refused/);
  });

  it('forgets the job when the PDF could not be made', async () => {
    electron.BrowserWindow.nextSetup = (win) => {
      win.webContents.probeAnswer = { state: 'error', message: 'Broken.' };
    };
    const call = registered(handlers());
    await expect(call('pdf:export', { id: 1 }, ARGS)).resolves.toMatchObject({ ok: false });
    const win = lastWindow();
    const exportId = exportIdIn(win.loadURL.mock.calls[0]![0]);
    await expect(call('pdf:document', win.webContents, { exportId })).rejects.toThrow(/refused/);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/#/print/d1?export=job-1', parent: null }],
    ['a subframe of the app', { url: 'app://aed/index.html', parent: printFrame }],
  ])('refuses a request from %s before looking for the job', async (_label, frame) => {
    const call = registered(handlers(), frame);
    await expect(call('pdf:document', { id: 100 }, { exportId: 'job-1' })).rejects.toThrow(
      /app's own page/,
    );
  });

  it.each([
    ['no export id', {}],
    ['an export id with a path in it', { exportId: '../job-1' }],
    ['more than the export id', { exportId: 'job-1', draftId: 'd1' }],
  ])('refuses %s', async (_label, args) => {
    const call = registered(handlers());
    await expect(call('pdf:document', { id: 100 }, args)).rejects.toThrow(/invalid arguments/);
  });
});
