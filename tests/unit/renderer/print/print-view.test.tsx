// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftRecord, SectionRecord } from '../../../../shared/model';
import { emptySection } from '../../../../shared/model';
import { buildDocument } from '../../../../shared/export/document';
import type { PrintJob } from '../../../../shared/export/print-job';
import { getTemplate } from '../../../../shared/templates';
import { PrintView } from '../../../../renderer/src/app/print/PrintView';
import { printHref, type PrintParams } from '../../../../renderer/src/app/print/print-route';
import { ServicesContext, type Services } from '../../../../renderer/src/app/services';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// A small draft of the built-in template (the big export fixture reads files, which this DOM
// environment's URL cannot do; print-document.test.tsx renders that one).
const PARTICIPANT = 'Siân O’Connor';
const draft: DraftRecord = {
  id: 'd1',
  title: 'My AED',
  templateId: 'sdlp-aed',
  templateVersion: 1,
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  lastSectionId: null,
};
const sections: SectionRecord[] = [
  { ...emptySection('d1', 'about-you', 0), fields: { 'full-name': PARTICIPANT } },
];
const fixture = { draft, sections };
let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
  delete document.documentElement.dataset.printReady;
});

const JOB: PrintJob = {
  draftId: 'd1',
  fileName: 'AED - Handed Over - Final - 2026-07-01.pdf',
  document: buildDocument({
    template: getTemplate('sdlp-aed'),
    draft: { ...draft, title: 'Built by the export' },
    sections: [{ ...emptySection('d1', 'about-you', 0), fields: { 'full-name': 'Handed Over' } }],
    submission: { label: 'Final', date: new Date(2026, 6, 1) },
    options: { includeGuidance: false, includeWordCounts: false, omitEmptySections: false },
  }),
};

function services(): Services {
  return {
    drafts: {
      getDraft: (id: string) =>
        Promise.resolve(id === fixture.draft.id ? fixture.draft : undefined),
      getSections: () => Promise.resolve(fixture.sections),
    },
    snapshots: { getSnapshot: () => Promise.resolve(undefined) },
    evidence: { listEvidence: () => Promise.resolve([]) },
    platform: {
      receivePrintJob: (id: string) =>
        id === 'job-1' ? Promise.resolve(JOB) : Promise.reject(new Error('No such print job.')),
    },
  } as unknown as Services;
}

function params(overrides: Partial<PrintParams> = {}): PrintParams {
  return {
    draftId: fixture.draft.id,
    exportId: null,
    snapshotId: null,
    label: 'Interim 2',
    date: '2026-03-14',
    changesSince: null,
    includeGuidance: false,
    includeWordCounts: true,
    omitEmptySections: false,
    autoprint: false,
    ...overrides,
  };
}

async function renderView(p: PrintParams) {
  history.replaceState(null, '', printHref(p));
  await act(async () => {
    root.render(
      <ServicesContext.Provider value={services()}>
        <PrintView params={p} />
      </ServicesContext.Provider>,
    );
    // Let the draft load inside act, so its state update is flushed here.
    await Promise.resolve();
  });
  await vi.waitFor(() => {
    expect(document.documentElement.dataset.printReady).toBeDefined();
  });
}

describe('PrintView', () => {
  it('renders, names the page after the file, says it is ready and prints once', async () => {
    const print = vi.fn();
    // Replaced after the module loaded: the view must look window.print up when it calls it.
    window.print = print;
    await renderView(params({ autoprint: true }));
    expect(document.documentElement.dataset.printReady).toBe('true');
    expect(document.title).toBe(`AED - ${PARTICIPANT} - Interim 2 - 2026-03-14`);
    expect(print).toHaveBeenCalledTimes(1);
    // A reload shows the view without printing again.
    expect(location.hash).not.toContain('autoprint');
    expect(container.querySelector('h1')?.textContent).toBe('My AED');
    expect(container.querySelector('.print-section h2')?.textContent).toBe('1. About you');
    const style = container.querySelector('style')!.textContent;
    expect(style).toContain('size: A4');
    expect(style).toContain(`content: "${PARTICIPANT}"`);
    expect(style).toContain('content: "Interim 2"');
    expect(style).toContain('counter(page) " of " counter(pages)');
  });

  it('does not print unless asked', async () => {
    const print = vi.fn();
    window.print = print;
    await renderView(params());
    expect(document.documentElement.dataset.printReady).toBe('true');
    expect(print).not.toHaveBeenCalled();
    const button = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Print / Save as PDF',
    )!;
    act(() => button.click());
    expect(print).toHaveBeenCalledTimes(1);
    expect(container.querySelector('a[href^="#/draft/"]')?.textContent).toBe('Back to draft');
  });

  it('reports a draft that is not there with an alert and data-print-ready="error"', async () => {
    const print = vi.fn();
    window.print = print;
    await renderView(params({ draftId: 'gone', autoprint: true }));
    expect(document.documentElement.dataset.printReady).toBe('error');
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/not in your library/);
    expect(print).not.toHaveBeenCalled();
  });

  it('shows the document an export handed over, named after its file, and prints it once', async () => {
    const print = vi.fn();
    window.print = print;
    await renderView(params({ exportId: 'job-1', autoprint: true }));
    expect(document.documentElement.dataset.printReady).toBe('true');
    expect(document.title).toBe('AED - Handed Over - Final - 2026-07-01');
    expect(container.querySelector('h1')?.textContent).toBe('Built by the export');
    expect(container.querySelector('style')!.textContent).toContain('content: "Handed Over"');
    expect(print).toHaveBeenCalledTimes(1);
    // A reload shows the same job without printing again.
    expect(location.hash).toBe('#/print/d1?export=job-1');
  });

  it('reports a handed-over job that is gone with an alert', async () => {
    await renderView(params({ exportId: 'job-2', autoprint: true }));
    expect(document.documentElement.dataset.printReady).toBe('error');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('No such print job.');
  });
});
