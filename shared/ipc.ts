/**
 * The one IPC contract between the renderer and the Electron main process.
 *
 * Every channel is listed once in `./ipc-channels` and given its schemas here; main registers
 * its handlers from {@link ipcRequestContract} (validating arguments with these schemas and the
 * sender's frame), and the preload's {@link AedBridge} is typed from it, so neither side can
 * name a channel the other does not know.
 */
import { z } from 'zod';
import { printJobSchema } from './export/document-schema';
import type { IpcEventChannel, IpcRequestChannel } from './ipc-channels';
import { MAX_RECORD_ID_LENGTH, RECORD_ID_PATTERN } from './model';

export {
  AED_BRIDGE_KEY,
  IPC_EVENT_CHANNELS,
  IPC_REQUEST_CHANNELS,
  isIpcEventChannel,
  isIpcRequestChannel,
} from './ipc-channels';
export type { IpcEventChannel, IpcRequestChannel } from './ipc-channels';

/** A save dialog's file-type filter, e.g. `{ name: 'Word document', extensions: ['docx'] }`. */
export const fileFilterSchema = z.strictObject({
  /** Shown to the user in the dialog's type list. */
  name: z.string().min(1).max(100),
  /** Extensions without the dot; `*` means any file. */
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without the dot'))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

/** Arguments of `file:save`. */
export const fileSaveArgsSchema = z.strictObject({
  /** The file name offered in the dialog (a name, not a path: main strips anything path-like). */
  suggestedName: z.string().trim().min(1).max(255),
  /** The whole file. */
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes must be a Uint8Array'),
  /** The MIME type of `bytes`, e.g. `application/vnd.openxmlformats-officedocument.wordprocessingml.document`. */
  mimeType: z.string().min(1).max(255),
  /** File-type filters for the dialog; none means the dialog shows every file. */
  filters: z.array(fileFilterSchema).max(20).optional(),
});
export type FileSaveArgs = z.infer<typeof fileSaveArgsSchema>;

/**
 * Result of `file:save`. `ok: true, saved: false` is a cancelled dialog (not an error);
 * `ok: false` carries a sentence for the user saying what happened and what to do.
 */
export const fileSaveResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    /** False when the user cancelled the dialog. */
    saved: z.boolean(),
    /** Where the file was written, when it was. */
    path: z.string().optional(),
  }),
  z.strictObject({
    ok: z.literal(false),
    /** A whole sentence for an alert, e.g. "The file is open in another program (Word?) — close it and try again." */
    error: z.string(),
  }),
]);
export type FileSaveResult = z.infer<typeof fileSaveResultSchema>;

/**
 * Arguments of `pdf:export`: the print job (shared/export/print-job.ts) — the draft's id, the
 * built export document, and the file name offered in the save dialog (main makes it safe). Main
 * hands the document to the print view it opens; the renderer names no page or address.
 */
export const pdfExportArgsSchema = printJobSchema;
export type PdfExportArgs = z.infer<typeof pdfExportArgsSchema>;

/** Arguments of `pdf:document`: the export id in the print view's address (`?export=…`). */
export const pdfDocumentArgsSchema = z.strictObject({
  exportId: z.string().regex(RECORD_ID_PATTERN, 'an export id'),
});
export type PdfDocumentArgs = z.infer<typeof pdfDocumentArgsSchema>;

/** Identifies one close handshake, so a late answer to an earlier one is ignored. */
export const closeRequestSchema = z.strictObject({
  requestId: z.string().min(1).max(64),
});
export type CloseRequest = z.infer<typeof closeRequestSchema>;

/** The largest backup main accepts over IPC: far above any real draft, low enough to refuse a runaway. */
export const MAX_AUTO_BACKUP_BYTES = 512 * 1024 * 1024;

/** A whole `.aedx` file made by the renderer; main writes it as it is. */
const backupBytesSchema = z.custom<Uint8Array>(
  (value) =>
    value instanceof Uint8Array &&
    value.byteLength > 0 &&
    value.byteLength <= MAX_AUTO_BACKUP_BYTES,
  'bytes must be a non-empty Uint8Array of at most 512 MiB',
);

/**
 * What a closing window could not store: saving fails (a full disk, the draft in the trash), so
 * closing now would lose words that are only on screen. Main asks what to do.
 */
export const unsavedAtCloseSchema = z.strictObject({
  /** Why, as the window's save alert says it. */
  reason: z.string().min(1).max(1000),
  /** A backup of the open draft with what is on screen, for "Back up and quit"; absent when it could not be made. */
  backup: z
    .strictObject({
      /** The file name to offer (main makes it safe). */
      fileName: z.string().trim().min(1).max(255),
      bytes: backupBytesSchema,
    })
    .optional(),
});
export type UnsavedAtClose = z.infer<typeof unsavedAtCloseSchema>;

/** Arguments of `app:ready-to-close`. */
export const readyToCloseArgsSchema = z.strictObject({
  ...closeRequestSchema.shape,
  /** Set when something typed is not stored and cannot be yet: main asks before it closes. */
  unsaved: unsavedAtCloseSchema.optional(),
});
export type ReadyToCloseArgs = z.infer<typeof readyToCloseArgsSchema>;

/**
 * A draft id as the renderer makes them (`crypto.randomUUID()`), or any id a backup may hold
 * (shared/model.ts RECORD_ID_PATTERN, the backup format's rule too): part of it goes into backup
 * file names, so nothing path-like gets through.
 */
export const draftIdSchema = z
  .string()
  .regex(
    RECORD_ID_PATTERN,
    `a draft id of letters, digits, "-" and "_", at most ${MAX_RECORD_ID_LENGTH} of them`,
  );

/** Arguments of `backup:write-auto`. */
export const backupWriteAutoArgsSchema = z.strictObject({
  /** Which draft: its backups are kept apart from other drafts' (the newest 10 of each). */
  draftId: draftIdSchema,
  /** The draft's title, for the file name; main makes it safe (an empty title reads "Untitled"). */
  title: z.string().max(1000),
  /** The whole `.aedx` file, made by the renderer; main writes it as it is. */
  bytes: backupBytesSchema,
});
export type BackupWriteAutoArgs = z.infer<typeof backupWriteAutoArgsSchema>;

/** Result of `backup:write-auto`: where the backup is, or a sentence saying why there is none. */
export const backupWriteAutoResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    /** The backup file's full path. */
    path: z.string(),
  }),
  z.strictObject({
    ok: z.literal(false),
    /** A whole sentence for an alert, e.g. "There isn't enough space on the disk to save …". */
    error: z.string(),
  }),
]);
export type BackupWriteAutoResult = z.infer<typeof backupWriteAutoResultSchema>;

/** Result of `backup:open-folder`. */
export const backupOpenFolderResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({
    ok: z.literal(false),
    /** A whole sentence for an alert: the folder could not be made or shown. */
    error: z.string(),
  }),
]);
export type BackupOpenFolderResult = z.infer<typeof backupOpenFolderResultSchema>;

interface RequestSpec {
  /** Validates what the renderer sends; main never sees unparsed arguments. */
  readonly args: z.ZodType;
  /** Describes what main answers (main is trusted, so this documents rather than guards). */
  readonly result: z.ZodType;
}

/** Request channels: the renderer calls `window.aed.invoke(channel, args)`, main answers. */
export const ipcRequestContract = {
  /**
   * Shows a save dialog in main and writes `bytes` to the chosen file from main.
   * Resolves `{ ok: true, saved: false }` if the user cancels, never rejects for a disk error:
   * those come back as `{ ok: false, error }`.
   */
  'file:save': { args: fileSaveArgsSchema, result: fileSaveResultSchema },
  /**
   * Prints the job's document to a PDF with the print view in a hidden window, which fetches
   * it with `pdf:document` (Chromium's `printToPDF`; page size, margins and page numbers from the
   * view's CSS), then shows a save dialog and writes it from main. Answers like `file:save`: cancel is `{ ok: true, saved: false }`, a failure (the view
   * not rendering in time, a full disk, a file open elsewhere) `{ ok: false, error }`.
   */
  'pdf:export': { args: pdfExportArgsSchema, result: fileSaveResultSchema },
  /**
   * The print job `pdf:export` is printing, for the hidden print window main opened for it (its
   * address names the export id). Answers only that window, only while the PDF is being made;
   * anyone else is refused.
   */
  'pdf:document': { args: pdfDocumentArgsSchema, result: printJobSchema },
  /**
   * The renderer's answer to `app:before-close`: its pending work is flushed to storage and the
   * window may close. Carries the `requestId` of the event it answers, and `unsaved` when
   * something typed could not be stored: main then asks "Back up and quit" (saving `backup`
   * where the user chooses), "Quit without saving" or "Cancel" (the window stays open).
   */
  'app:ready-to-close': { args: readyToCloseArgsSchema, result: z.void() },
  /**
   * Writes one draft's automatic backup into the backups folder (made if missing): a temporary
   * file, flushed to disk, then renamed, so a crash or a full disk never leaves a half-written
   * backup or harms an earlier one. Then keeps that draft's newest 10 backups and deletes older
   * ones. Never rejects for a disk error: those come back as `{ ok: false, error }`.
   */
  'backup:write-auto': { args: backupWriteAutoArgsSchema, result: backupWriteAutoResultSchema },
  /** Shows the backups folder in the system's file manager, making it first if needed. */
  'backup:open-folder': { args: z.undefined(), result: backupOpenFolderResultSchema },
} as const satisfies Record<IpcRequestChannel, RequestSpec>;

/** Event channels: main sends, the renderer subscribes with `window.aed.on(channel, listener)`. */
export const ipcEventContract = {
  /**
   * The window is about to close: flush unsaved work, then invoke `app:ready-to-close` with the
   * same `requestId`. Main closes anyway after a bounded wait (a few seconds), so a stuck
   * renderer cannot keep the window open.
   */
  'app:before-close': closeRequestSchema,
  /**
   * The user chose File → Back up all drafts…: the renderer makes a backup of every draft and
   * saves it with `file:save` (so the user picks where it goes).
   */
  'backup:all-drafts-requested': z.undefined(),
} as const satisfies Record<IpcEventChannel, z.ZodType>;

/** What the renderer passes for channel `C` (before validation). */
export type IpcRequestArgs<C extends IpcRequestChannel> = z.input<
  (typeof ipcRequestContract)[C]['args']
>;
/** What main's handler for `C` receives (after validation). */
export type IpcRequestParsedArgs<C extends IpcRequestChannel> = z.output<
  (typeof ipcRequestContract)[C]['args']
>;
/** What main answers on channel `C`. */
export type IpcRequestResult<C extends IpcRequestChannel> = z.output<
  (typeof ipcRequestContract)[C]['result']
>;
/** What main sends on event channel `E`. */
export type IpcEventPayload<E extends IpcEventChannel> = z.output<(typeof ipcEventContract)[E]>;

/** The argument list of `invoke`: channels whose arguments may be undefined take none. */
export type IpcInvokeArgs<C extends IpcRequestChannel> =
  undefined extends IpcRequestArgs<C> ? [args?: IpcRequestArgs<C>] : [args: IpcRequestArgs<C>];

/**
 * Main's handler for request channel `C`. `Context` is whatever main passes alongside (the IPC
 * event there); it is a parameter because shared/ may not name Electron's types.
 */
export type IpcHandler<C extends IpcRequestChannel, Context> = (
  args: IpcRequestParsedArgs<C>,
  context: Context,
) => IpcRequestResult<C> | Promise<IpcRequestResult<C>>;

/** One handler per request channel: main registers exactly this map. */
export type IpcHandlers<Context> = { readonly [C in IpcRequestChannel]: IpcHandler<C, Context> };

/** The one object the preload exposes as `window.aed`. */
export interface AedBridge {
  /** Calls request channel `channel` in main; rejects if main refuses (bad sender, bad args). */
  readonly invoke: <C extends IpcRequestChannel>(
    channel: C,
    ...args: IpcInvokeArgs<C>
  ) => Promise<IpcRequestResult<C>>;
  /** Subscribes to event channel `channel`; returns the function that unsubscribes. */
  readonly on: <E extends IpcEventChannel>(
    channel: E,
    listener: (payload: IpcEventPayload<E>) => void,
  ) => () => void;
}
