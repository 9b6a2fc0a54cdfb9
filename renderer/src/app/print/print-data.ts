import type { PrintJob } from '../../../../shared/export/print-job';
import { buildExport, type ExportSpec } from '../export/build-export';
import type { Services } from '../services';
import { parseIsoDate, type PrintParams } from './print-route';

/**
 * What the print view shows. An export hands its built document over under an export id (the
 * platform fetches it); an address without one is built from storage by the same builder the
 * exports use, so a print view opened by hand shows what an export would.
 */
export async function loadPrintJob(
  services: Pick<Services, 'drafts' | 'snapshots' | 'platform'> &
    Partial<Pick<Services, 'evidence'>>,
  params: PrintParams,
  now: Date = new Date(),
): Promise<PrintJob> {
  if (params.exportId) return services.platform.receivePrintJob(params.exportId);
  const built = await buildExport(services, printSpec(params, now));
  return { draftId: built.draftId, document: built.doc, fileName: built.fileName };
}

/** The export a print view's address describes. */
export function printSpec(params: PrintParams, now: Date): ExportSpec {
  const { draftId } = params;
  return {
    source: params.snapshotId
      ? { kind: 'submission', draftId, snapshotId: params.snapshotId }
      : { kind: 'draft', draftId },
    format: 'pdf',
    options: {
      includeGuidance: params.includeGuidance,
      includeWordCounts: params.includeWordCounts,
      omitEmptySections: params.omitEmptySections,
    },
    changesSince: params.changesSince ? { snapshotId: params.changesSince } : null,
    presentAs: { label: params.label, date: params.date ? parseIsoDate(params.date) : null },
    now,
  };
}
