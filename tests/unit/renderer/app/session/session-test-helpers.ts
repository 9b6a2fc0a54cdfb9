import type { Locks } from '../../../../../renderer/src/app/session/draft-lock';
import type { PageEvents } from '../../../../../renderer/src/app/session/page-leave';
import type { Platform, UnsavedWork } from '../../../../../renderer/src/platform/platform';

type Callback = (lock: Lock | null) => unknown;

/**
 * The Web Locks API for tests in Node (which has none): exclusive locks granted in the order
 * asked for, `ifAvailable` and `signal` as the browser does them. Two sessions given the same
 * instance behave as two windows of one browser.
 */
export class TestLocks implements Locks {
  private readonly held = new Set<string>();
  private readonly waiting = new Map<string, (() => void)[]>();

  request<T>(name: string, ...args: unknown[]): Promise<T> {
    const [options, callback] = (args.length === 1 ? [{}, args[0]] : args) as [
      LockOptions,
      Callback,
    ];
    const lock = { name, mode: 'exclusive' } as Lock;
    const queue = this.waiting.get(name) ?? [];
    this.waiting.set(name, queue);
    const busy = this.held.has(name) || queue.length > 0;
    if (options.ifAvailable) {
      return busy
        ? Promise.resolve().then(() => callback(null) as T)
        : (this.run(name, lock, callback) as Promise<T>);
    }
    return new Promise<T>((resolve, reject) => {
      const grant = () => void this.run(name, lock, callback).then((v) => resolve(v as T), reject);
      if (options.signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
      if (!busy) return grant();
      queue.push(grant);
      options.signal?.addEventListener('abort', () => {
        const at = queue.indexOf(grant);
        if (at >= 0) queue.splice(at, 1);
        reject(new DOMException('Aborted', 'AbortError'));
      });
    });
  }

  private async run(name: string, lock: Lock, callback: Callback): Promise<unknown> {
    this.held.add(name);
    try {
      return await callback(lock);
    } finally {
      this.held.delete(name);
      this.waiting.get(name)?.shift()?.();
    }
  }
}

/** A page whose hide events the test sends. */
export function testPage(): PageEvents & { hide: () => void; leave: () => void } {
  const visibility: { visibilityState: DocumentVisibilityState } = { visibilityState: 'visible' };
  const document = Object.assign(new EventTarget(), visibility);
  const window = new EventTarget();
  return {
    document,
    window,
    hide: () => {
      document.visibilityState = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
    },
    leave: () => window.dispatchEvent(new Event('pagehide')),
  };
}

/**
 * A host that records automatic backups and keeps the close handshake's flushes, so a test can
 * close the "window" (`close()` resolves when every flush has).
 */
export function testPlatform(autoBackups = false): Platform & {
  backups: { draftId: string; title: string; bytes: Uint8Array }[];
  close: () => Promise<void>;
  /** What the pages say closing now would leave unstored (the first that says anything). */
  unsaved: () => UnsavedWork | null;
} {
  const closers = new Set<() => Promise<void>>();
  const unsavedChecks = new Set<() => UnsavedWork | null>();
  const backups: { draftId: string; title: string; bytes: Uint8Array }[] = [];
  return {
    kind: autoBackups ? 'electron' : 'web',
    saveFile: () => Promise.resolve(true),
    printToPdf: () => Promise.resolve(true),
    receivePrintJob: () => Promise.reject(new Error('no print job in these tests')),
    onBeforeClose: (flush, unsaved) => {
      const entry = () => flush();
      const check = () => unsaved?.() ?? null;
      closers.add(entry);
      unsavedChecks.add(check);
      return () => {
        closers.delete(entry);
        unsavedChecks.delete(check);
      };
    },
    autoBackups,
    writeAutoBackup: (draftId, title, bytes) => {
      backups.push({ draftId, title, bytes });
      return Promise.resolve();
    },
    onBackupAllRequested: () => () => undefined,
    openBackupsFolder: () => Promise.resolve(),
    backups,
    close: async () => {
      await Promise.all([...closers].map((flush) => flush()));
    },
    unsaved: () => {
      for (const check of unsavedChecks) {
        const work = check();
        if (work) return work;
      }
      return null;
    },
  };
}

/**
 * `localStorage` for tests in Node: keys in insertion order, and a quota in characters (keys and
 * values counted, as browsers roughly do) past which `setItem` throws QuotaExceededError.
 */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  constructor(public quotaChars = Infinity) {}

  get length(): number {
    return this.items.size;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const others = [...this.items].reduce(
      (sum, [k, v]) => (k === key ? sum : sum + k.length + v.length),
      0,
    );
    if (others + key.length + value.length > this.quotaChars) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  clear(): void {
    this.items.clear();
  }

  keys(): string[] {
    return [...this.items.keys()];
  }

  [name: string]: unknown;
}
