/**
 * The print jobs main is turning into PDFs, by export id: `pdf:export` puts the renderer's built
 * document here for the hidden print window it opens, and that window's print view fetches it
 * with `pdf:document`. A job answers only the window opened for it, and only until its PDF is
 * made (or has failed), so no other page can read a document and nothing is kept afterwards.
 * No Electron import.
 */
import { randomUUID } from 'node:crypto';
import type { PrintJob } from '../../shared/export/print-job';

/** A request for a print job that main does not hand out. */
export class PrintJobRefusedError extends Error {
  override name = 'PrintJobRefusedError';
}

export class PrintJobs {
  private readonly jobs = new Map<string, { job: PrintJob; contentsId: number }>();

  constructor(private readonly newId: () => string = randomUUID) {}

  /** A new export id, not yet in use. */
  nextId(): string {
    let id = this.newId();
    while (this.jobs.has(id)) id = this.newId();
    return id;
  }

  /** Holds `job` for the window whose webContents has `contentsId`. */
  open(exportId: string, job: PrintJob, contentsId: number): void {
    this.jobs.set(exportId, { job, contentsId });
  }

  /** The job for `exportId`, if `senderId` is the window it was opened for. */
  forSender(exportId: string, senderId: number): PrintJob {
    const entry = this.jobs.get(exportId);
    if (!entry || entry.contentsId !== senderId) {
      throw new PrintJobRefusedError(
        'pdf:document refused: no PDF is being made for this page under that export id.',
      );
    }
    return entry.job;
  }

  /** Forgets the job: its PDF is made, or will not be. */
  close(exportId: string): void {
    this.jobs.delete(exportId);
  }

  get size(): number {
    return this.jobs.size;
  }
}
