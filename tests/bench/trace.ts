/**
 * Where a keystroke's main-thread time goes (script, style, layout, paint…), from a Chromium
 * trace of a burst of typing. Off by default (BENCH_TRACE=1): tracing slows the page, so these
 * keys are typed after, and apart from, the measured ones.
 */
import { writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';

export interface KeystrokeBreakdown {
  keys: number;
  /** Main-thread busy time per key (top-level tasks), ms. */
  busyPerKeyMs: number;
  /** Self time per key by trace event name, largest first, ms. */
  selfPerKeyMs: Array<{ name: string; ms: number }>;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

const CATEGORIES = ['devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing'];

/** Traces `type()` (which types `keys` keys) and splits the renderer's main thread time. */
export async function traceTyping(
  browser: Browser,
  page: Page,
  keys: number,
  type: () => Promise<void>,
  /** Also keep the raw trace here (open it in DevTools' Performance panel). */
  savePath?: string,
): Promise<KeystrokeBreakdown> {
  await browser.startTracing(page, { categories: CATEGORIES });
  try {
    await type();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  if (savePath) await writeFile(savePath, buffer);
  return breakdown(JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }, keys);
}

function breakdown(trace: { traceEvents: TraceEvent[] }, keys: number): KeystrokeBreakdown {
  const events = trace.traceEvents;
  // The typed-into page's main thread is the one that dispatched the keydowns.
  const keydown = events.find(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown',
  );
  if (!keydown) return { keys, busyPerKeyMs: NaN, selfPerKeyMs: [] };
  const thread = events
    .filter((e) => e.pid === keydown.pid && e.tid === keydown.tid && e.ph === 'X' && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  let busy = 0;
  // Complete events nest by time on one thread: a stack gives each event its children.
  const stack: Array<{ end: number; name: string }> = [];
  for (const e of thread) {
    while (stack.length && stack.at(-1)!.end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
    else if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') busy += e.dur!;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  const perKey = (us: number) => us / 1000 / keys;
  return {
    keys,
    busyPerKeyMs: perKey(busy),
    selfPerKeyMs: [...self]
      .map(([name, us]) => ({ name, ms: perKey(us) }))
      .filter((x) => x.ms >= 0.01)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12),
  };
}
