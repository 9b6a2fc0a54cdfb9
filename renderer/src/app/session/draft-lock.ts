/**
 * One writer per draft across windows and tabs, so two copies of a draft never silently
 * overwrite each other. A Web Lock, not a flag in IndexedDB: the browser releases it when a tab
 * closes or crashes, so it can never be left behind.
 *
 * - 'held': this window edits the draft.
 * - 'elsewhere': another window edits it; this one shows it read-only and waits in line, so it
 *   becomes the writer by itself when the other closes.
 * A window that is asked to hand over first writes what it has (`flush`), then lets go; if that
 * write fails (storage full), it keeps the draft, since letting go would strand its text.
 *
 * Rewrites of the draft from outside its editor (replace from backup in the library of another
 * window) go through the lock too: `requestRewrite` does the rewrite itself while holding the
 * lock when no window edits the draft, and otherwise asks the window that holds it, which does
 * it in its session (so that window shows the new content and keeps what it had typed).
 */
export type DraftLockState = 'acquiring' | 'held' | 'elsewhere';

export interface DraftLockStatus {
  readonly state: DraftLockState;
  /** Set when a take-over asked for has not come through after a few seconds. */
  readonly takeOverStalled: boolean;
}

/** The part of the Web Locks API used here (tests pass their own). */
export type Locks = Pick<LockManager, 'request'>;

type Message<R> =
  | { type: 'hand-over' }
  | { type: 'rewrite'; id: string; rewrite: R }
  | { type: 'rewrite-accepted'; id: string }
  | { type: 'rewritten'; id: string; error: string | null };

const lockName = (draftId: string) => `aed-draft:${draftId}`;

function browserLocks(): Locks | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

export interface DraftLockOptions<R> {
  /** Writes everything pending; resolves true when all of it is stored. */
  flush: () => Promise<boolean>;
  /** Carries out a rewrite another window asked for while this one holds the draft. */
  rewrite: (rewrite: R) => Promise<void>;
  onChange: (status: DraftLockStatus) => void;
  /** Defaults to the browser's `navigator.locks`; without it, no coordination (always held). */
  locks?: Locks | undefined;
  stallMs?: number;
}

export class DraftLock<R> {
  private readonly locks: Locks | undefined;
  private status: DraftLockStatus;
  private release: (() => void) | null = null;
  private abort: AbortController | null = null;
  private channel: BroadcastChannel | null = null;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private active = false;

  constructor(
    private readonly draftId: string,
    private readonly options: DraftLockOptions<R>,
  ) {
    this.locks = 'locks' in options ? options.locks : browserLocks();
    this.status = { state: this.locks ? 'acquiring' : 'held', takeOverStalled: false };
  }

  getStatus(): DraftLockStatus {
    return this.status;
  }

  /** Starts waiting for (or takes) the lock and answering other windows. Again after `close`. */
  open(): void {
    if (this.active || !this.locks) return; // no locks (very old browsers): as before locks existed
    const locks = this.locks;
    this.active = true;
    const abort = new AbortController();
    this.abort = abort;
    const channel = new BroadcastChannel(lockName(this.draftId));
    this.channel = channel;
    const isCurrent = () => this.active && this.abort === abort;

    const hold = () =>
      new Promise<void>((resolve) => {
        this.release = resolve;
        clearTimeout(this.stallTimer);
        if (isCurrent()) this.set({ state: 'held', takeOverStalled: false });
      });

    // Waits in line for the lock; holds it until asked to hand over or the session closes.
    const queue = (): Promise<void> =>
      locks
        .request(lockName(this.draftId), { signal: abort.signal }, hold)
        .then(() => {
          if (isCurrent()) void queue(); // handed over: wait for our turn again
        })
        .catch(() => undefined); // aborted on close

    void locks.request(lockName(this.draftId), { ifAvailable: true }, (lock) => {
      if (!isCurrent()) return;
      if (lock) return hold().then(() => isCurrent() && void queue());
      this.set({ ...this.status, state: 'elsewhere' });
      void queue();
    });

    channel.onmessage = (event: MessageEvent<Message<R>>) => {
      const message = event.data;
      if (!this.release) return; // only the writer answers
      if (message.type === 'hand-over') this.handOver();
      else if (message.type === 'rewrite') this.answerRewrite(channel, message.id, message.rewrite);
    };
  }

  /** Lets go of the lock and stops answering; pending work is the caller's to flush. */
  close(): void {
    this.active = false;
    this.channel?.close();
    this.channel = null;
    this.abort?.abort();
    this.abort = null;
    this.release?.();
    this.release = null;
    clearTimeout(this.stallTimer);
  }

  /** Asks the window that holds the draft to hand it over (it writes what it has first). */
  takeOver(): void {
    const channel = new BroadcastChannel(lockName(this.draftId));
    channel.postMessage({ type: 'hand-over' } satisfies Message<R>);
    channel.close();
    this.set({ ...this.status, takeOverStalled: false });
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(
      () => this.set({ ...this.status, takeOverStalled: true }),
      this.options.stallMs ?? 4000,
    );
  }

  private handOver(): void {
    const letGo = this.release;
    if (!letGo) return;
    // Everything typed here is written before the other window may read and edit it.
    this.options.flush().then(
      (stored) => {
        if (!stored || !this.active || this.release !== letGo) return; // keep writing here
        this.release = null;
        this.set({ ...this.status, state: 'elsewhere' });
        letGo();
      },
      () => undefined,
    );
  }

  private answerRewrite(channel: BroadcastChannel, id: string, rewrite: R): void {
    channel.postMessage({ type: 'rewrite-accepted', id } satisfies Message<R>);
    this.options.rewrite(rewrite).then(
      () => channel.postMessage({ type: 'rewritten', id, error: null } satisfies Message<R>),
      (error: unknown) =>
        channel.postMessage({
          type: 'rewritten',
          id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies Message<R>),
    );
  }

  private set(status: DraftLockStatus): void {
    if (
      status.state === this.status.state &&
      status.takeOverStalled === this.status.takeOverStalled
    ) {
      return;
    }
    this.status = status;
    this.options.onChange(status);
  }
}

export interface RequestRewriteOptions {
  locks?: Locks | undefined;
  /** How long the window holding the draft has to say it is on it. */
  answerMs?: number;
  /** How long it then has to finish. */
  finishMs?: number;
}

const NO_ANSWER =
  'The draft is open in another window that did not answer. Switch to that window or close it, then try again.';

/**
 * Rewrites a draft from outside its editor, through its lock: with the lock held here when no
 * window edits the draft (`apply`), or by the window that edits it. Rejects with a sentence
 * when the rewrite failed or no window could do it; nothing has then changed.
 */
export async function requestRewrite<R>(
  draftId: string,
  rewrite: R,
  apply: () => Promise<void>,
  options: RequestRewriteOptions = {},
): Promise<void> {
  const locks = 'locks' in options ? options.locks : browserLocks();
  if (!locks) return apply();
  // Twice: the editing window may close (or hand over) between our look and our question.
  for (let attempt = 0; attempt < 2; attempt++) {
    const done = await locks.request(lockName(draftId), { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await apply();
      return true;
    });
    if (done) return;
    const answer = await askWriter(draftId, rewrite, options);
    if (answer.status === 'done') return;
    if (answer.status === 'failed') throw new Error(answer.message);
  }
  throw new Error(NO_ANSWER);
}

function askWriter<R>(
  draftId: string,
  rewrite: R,
  options: RequestRewriteOptions,
): Promise<{ status: 'done' } | { status: 'failed'; message: string } | { status: 'silent' }> {
  const id = crypto.randomUUID();
  const channel = new BroadcastChannel(lockName(draftId));
  return new Promise((resolve) => {
    let timer = setTimeout(() => finish({ status: 'silent' }), options.answerMs ?? 3000);
    const finish = (result: Parameters<typeof resolve>[0]) => {
      clearTimeout(timer);
      channel.close();
      resolve(result);
    };
    channel.onmessage = (event: MessageEvent<Message<R>>) => {
      const message = event.data;
      if (!('id' in message) || message.id !== id) return;
      if (message.type === 'rewrite-accepted') {
        clearTimeout(timer);
        timer = setTimeout(
          () => finish({ status: 'failed', message: NO_ANSWER }),
          options.finishMs ?? 60_000,
        );
      } else if (message.type === 'rewritten') {
        finish(
          message.error === null
            ? { status: 'done' }
            : { status: 'failed', message: message.error },
        );
      }
    };
    channel.postMessage({ type: 'rewrite', id, rewrite } satisfies Message<R>);
  });
}
