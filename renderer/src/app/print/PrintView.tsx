/**
 * The print view (`#/print/<draftId>?export=…`): an export's document laid out as A4 pages, a
 * top-level page of its own. The web build prints it with `window.print()`, the desktop with
 * `webContents.printToPDF` in a hidden window, the tests with `page.pdf()` — all three read page
 * size, margins and page numbers from the same CSS, so they give the same pages.
 */
import { useEffect, useState } from 'react';
import type { PrintJob } from '../../../../shared/export/print-job';
import { runningHeader } from '../../../../shared/export/presentation';
import { draftHref } from '../route';
import { useServices } from '../services';
import { loadPrintJob } from './print-data';
import { pageStyle } from './print-page-style';
import { requestPrint, setPrintReady, whenRendered } from './print-readiness';
import { printHref, type PrintParams } from './print-route';
import { PrintDocument } from './PrintDocument';
import { loadPrintPictures, pictureIds, PrintPicturesContext } from './print-pictures';
import './print.css';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; job: PrintJob; pictures: Map<string, string> };

export function PrintView(props: { params: PrintParams }) {
  const { drafts, snapshots, evidence, feedback, platform } = useServices();
  // The parent keys this view by its parameters, so the first ones are the ones: later renders
  // pass equal values in new objects, which must not load and print again.
  const [params] = useState(props.params);
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let pictures = new Map<string, string>();
    loadPrintJob({ drafts, snapshots, evidence, feedback, platform }, params)
      .then(async (job) => {
        pictures = await loadPrintPictures(pictureIds(job.document), (id) =>
          evidence.getEvidenceBlob(id),
        );
        return job;
      })
      .then(
        (job) => {
          if (!cancelled) setState({ status: 'ready', job, pictures });
        },
        (error: unknown) => {
          if (cancelled) return;
          const message = error instanceof Error ? error.message : String(error);
          setState({ status: 'error', message });
        },
      );
    return () => {
      cancelled = true;
      for (const url of pictures.values()) URL.revokeObjectURL(url);
    };
  }, [drafts, snapshots, evidence, feedback, platform, params]);

  useEffect(() => {
    const root = document.documentElement;
    if (state.status === 'loading') return;
    if (state.status === 'error') {
      document.title = 'Cannot print — AED Writer';
      setPrintReady('error', root);
      return () => setPrintReady(null, root);
    }
    // The browser's "Save as PDF" proposes the page title as the file name.
    document.title = state.job.fileName.replace(/\.pdf$/i, '');
    let cancelled = false;
    void whenRendered().then(() => {
      if (cancelled) return;
      setPrintReady('true', root);
      if (params.autoprint) {
        // A reload (or Back to this page) shows the view without asking to print again.
        history.replaceState(history.state, '', printHref({ ...params, autoprint: false }));
        // The page stays open after the dialog closes, to print again or go back.
        requestPrint();
      }
    });
    return () => {
      cancelled = true;
      setPrintReady(null, root);
    };
  }, [state, params]);

  return (
    <div className="print-view">
      <nav className="print-toolbar" aria-label="Print">
        <a href={draftHref(params.draftId)}>Back to draft</a>
        <button type="button" onClick={() => requestPrint()} disabled={state.status !== 'ready'}>
          Print / Save as PDF
        </button>
      </nav>
      {state.status === 'loading' ? (
        <p className="print-status" role="status">
          Preparing the document for printing…
        </p>
      ) : state.status === 'error' ? (
        <div className="print-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : (
        <>
          <style>{pageStyleFor(state.job)}</style>
          <PrintPicturesContext.Provider value={state.pictures}>
            <PrintDocument doc={state.job.document} />
          </PrintPicturesContext.Provider>
        </>
      )}
    </div>
  );
}

function pageStyleFor({ document }: PrintJob): string {
  const header = runningHeader(document.cover);
  return pageStyle({ headerLeft: header.left, headerRight: header.right });
}
