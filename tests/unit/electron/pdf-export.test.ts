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
import { mainWindowWebPreferences } from '../../../electron/main/main-window';
import {
  createPdfExporter,
  PDF_PRINT_OPTIONS,
  type PrintWindowSettings,
} from '../../../electron/main/pdf-export';

const SETTINGS: PrintWindowSettings = {
  preloadPath: '/app/out/preload/index.cjs',
  isPackaged: true,
};
const ARGS = {
  printUrlHash: '#/print/d1?label=Interim%201&counts=1&autoprint=1',
  suggestedName: 'AED - Siân O’Connor - Interim 1 - 2026-03-14.pdf',
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
const chooseIn = (name = 'out.pdf'): ChooseSaveDestination =>
  vi.fn(() => Promise.resolve(join(dir, name)));

describe('pdf:export', () => {
  it('prints the view in a hidden, locked-down window and saves the PDF through file-save', async () => {
    const choose = chooseIn();
    const result = await createPdfExporter(SETTINGS)(ARGS, choose);
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
    // The app's own page, without autoprint (no print dialog in a window nobody sees).
    expect(win.loadURL).toHaveBeenCalledWith(
      'app://aed/index.html#/print/d1?label=Interim%201&counts=1',
    );
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_PRINT_OPTIONS);
    expect(PDF_PRINT_OPTIONS).toMatchObject({
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
    });
    expect(win.destroy).toHaveBeenCalled();

    expect(choose).toHaveBeenCalledWith({
      defaultName: ARGS.suggestedName,
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

  it('refuses a hash that is not the print view, without opening a window', async () => {
    const choose = chooseIn();
    const result = await createPdfExporter(SETTINGS)(
      { ...ARGS, printUrlHash: '#/print/x#https://evil.example/' },
      choose,
    );
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/print view/) as unknown });
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(choose).not.toHaveBeenCalled();
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
        defaultPath: join('/home/teacher/Documents', ARGS.suggestedName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      }),
    );
    const unset = createIpcHandlers({ acknowledgeClose: vi.fn() });
    await expect(unset['pdf:export'](ARGS, event)).resolves.toMatchObject({ ok: false });
  });
});
