// @vitest-environment jsdom
// Platform.printToPdf on both hosts hands the built document to the print view: the desktop to
// main over IPC, the web build through localStorage to the print tab it opens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronPlatform } from '../../../../renderer/src/platform/electron';
import { createWebPlatform, withAutoprint } from '../../../../renderer/src/platform/web';
import { buildDocument } from '../../../../shared/export/document';
import type { PrintJob } from '../../../../shared/export/print-job';
import type { AedBridge } from '../../../../shared/ipc';
import { emptySection } from '../../../../shared/model';
import { getTemplate } from '../../../../shared/templates';

const NAME = 'AED - Siân O’Connor - Interim 1 - 2026-03-14.pdf';
const JOB: PrintJob = {
  draftId: 'd1',
  fileName: NAME,
  document: buildDocument({
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
  }),
};

function bridgeAnswering(answer: unknown) {
  const invoke = vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve(answer));
  const bridge = { invoke, on: vi.fn(() => () => undefined) } as unknown as AedBridge;
  return { bridge, invoke };
}

/** The export ids of the print jobs the web build has stored. */
const storedIds = () =>
  Object.keys(localStorage).flatMap((key) => /^aed-print-job:(.+)$/.exec(key)?.[1] ?? []);

afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
  localStorage.clear();
});

describe('desktop printToPdf', () => {
  it('hands main the job to print and save under its name', async () => {
    const { bridge, invoke } = bridgeAnswering({ ok: true, saved: true, path: '/docs/a.pdf' });
    await expect(createElectronPlatform(bridge).printToPdf(JOB)).resolves.toBe(true);
    expect(invoke).toHaveBeenCalledWith('pdf:export', JOB);
  });

  it('resolves false when the save dialog is cancelled', async () => {
    const { bridge } = bridgeAnswering({ ok: true, saved: false });
    await expect(createElectronPlatform(bridge).printToPdf(JOB)).resolves.toBe(false);
  });

  it('rejects with main’s sentence when the PDF cannot be made or written', async () => {
    const error = 'There isn’t enough space on the disk to save “a.pdf”.';
    const { bridge } = bridgeAnswering({ ok: false, error });
    await expect(createElectronPlatform(bridge).printToPdf(JOB)).rejects.toThrow(error);
  });

  it('lets the print window ask main for its job by export id', async () => {
    const { bridge, invoke } = bridgeAnswering(JOB);
    await expect(createElectronPlatform(bridge).receivePrintJob('job-1')).resolves.toEqual(JOB);
    expect(invoke).toHaveBeenCalledWith('pdf:document', { exportId: 'job-1' });
  });
});

describe('web printToPdf', () => {
  it('opens the print view of the stored job, asking it to print, as a top-level page in a new tab', async () => {
    history.replaceState(null, '', '/app/?x=1#/draft/d1');
    const open = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    await expect(createWebPlatform().printToPdf(JOB)).resolves.toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    const [url, target] = open.mock.calls[0]!;
    expect(target).toBe('_blank');
    const [exportId] = storedIds();
    expect(url).toBe(`${location.origin}/app/?x=1#/print/d1?export=${exportId}&autoprint=1`);
    // The opening tab stays where it was.
    expect(location.hash).toBe('#/draft/d1');
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('gives the print tab the same document, checked, however often it loads', async () => {
    vi.spyOn(window, 'open').mockReturnValue({} as Window);
    const web = createWebPlatform();
    await web.printToPdf(JOB);
    const [exportId] = storedIds();
    // A new page (the print tab) and a reload of it both find the job.
    await expect(createWebPlatform().receivePrintJob(exportId!)).resolves.toEqual(JOB);
    await expect(createWebPlatform().receivePrintJob(exportId!)).resolves.toEqual(JOB);
  });

  it('says so when the job is gone or was written by another version', async () => {
    const web = createWebPlatform();
    await expect(web.receivePrintJob('missing')).rejects.toThrow(/no longer kept/);
    localStorage.setItem(
      'aed-print-job:old',
      JSON.stringify({ savedAt: Date.now(), job: { ...JOB, document: { cover: {} } } }),
    );
    await expect(web.receivePrintJob('old')).rejects.toThrow(/another version of AED Writer/);
  });

  it('shows the print view in this tab when pop-ups are blocked', async () => {
    history.replaceState(null, '', '/#/draft/d1');
    vi.spyOn(window, 'open').mockReturnValue(null);
    await createWebPlatform().printToPdf(JOB);
    expect(location.hash).toBe(`#/print/d1?export=${storedIds()[0]}&autoprint=1`);
  });

  it('sets autoprint once, whatever the hash already says', () => {
    expect(withAutoprint('#/print/d1')).toBe('#/print/d1?autoprint=1');
    expect(withAutoprint('#/print/d1?autoprint=0&label=Final')).toBe(
      '#/print/d1?autoprint=1&label=Final',
    );
    expect(withAutoprint('#/print/d1?label=Interim%202')).toBe(
      '#/print/d1?label=Interim%202&autoprint=1',
    );
  });
});
