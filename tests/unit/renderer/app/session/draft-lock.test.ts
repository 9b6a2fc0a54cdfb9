import { afterEach, describe, expect, it } from 'vitest';
import {
  DraftLock,
  requestRewrite,
  type DraftLockStatus,
} from '../../../../../renderer/src/app/session/draft-lock';
import { TestLocks } from './session-test-helpers';

let opened: DraftLock<string>[] = [];
afterEach(() => {
  for (const lock of opened) lock.close();
  opened = [];
});

function openLock(
  locks: TestLocks,
  rewrite: (r: string) => Promise<void> = () => Promise.resolve(),
): { lock: DraftLock<string>; held: () => Promise<void> } {
  let status: DraftLockStatus | null = null;
  const waiting: (() => void)[] = [];
  const lock = new DraftLock<string>('d1', {
    locks,
    flush: () => Promise.resolve(true),
    rewrite,
    onChange: (s) => {
      status = s;
      if (s.state === 'held') for (const w of waiting.splice(0)) w();
    },
  });
  opened.push(lock);
  lock.open();
  return {
    lock,
    held: () =>
      new Promise((resolve) => (status?.state === 'held' ? resolve() : waiting.push(resolve))),
  };
}

describe('requestRewrite', () => {
  it('does the rewrite itself, holding the lock, when no window edits the draft', async () => {
    const locks = new TestLocks();
    const order: string[] = [];
    let release!: () => void;
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const rewriting = requestRewrite(
      'd1',
      'r',
      async () => {
        order.push('rewrite started');
        started();
        await new Promise<void>((resolve) => (release = resolve));
        order.push('rewrite done');
      },
      { locks },
    );
    // A window opening the draft meanwhile waits for the rewrite.
    await isStarted;
    const { held } = openLock(locks);
    const opening = held().then(() => order.push('window holds the draft'));
    release();
    await rewriting;
    await opening;
    expect(order).toEqual(['rewrite started', 'rewrite done', 'window holds the draft']);
  });

  it('asks the window that edits the draft, and passes on why its rewrite failed', async () => {
    const locks = new TestLocks();
    const done: string[] = [];
    const { held } = openLock(locks, (r) => {
      if (r === 'bad') return Promise.reject(new Error('The disk is full.'));
      done.push(r);
      return Promise.resolve();
    });
    await held();
    await requestRewrite('d1', 'good', () => Promise.reject(new Error('not here')), { locks });
    expect(done).toEqual(['good']);
    await expect(
      requestRewrite('d1', 'bad', () => Promise.reject(new Error('not here')), { locks }),
    ).rejects.toThrow('The disk is full.');
  });

  it('gives up with a sentence when the window holding the draft does not answer', async () => {
    const locks = new TestLocks();
    let letGo!: () => void;
    // Held by something that never answers (a frozen tab).
    void locks.request('aed-draft:d1', () => new Promise<void>((resolve) => (letGo = resolve)));
    await expect(
      requestRewrite('d1', 'r', () => Promise.resolve(), { locks, answerMs: 20 }),
    ).rejects.toThrow('did not answer');
    letGo();
  });
});
