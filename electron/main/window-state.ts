/**
 * Remembers where the main window was. No Electron import: main passes in the displays' work
 * areas, so reading, writing and clamping are tested on the real file system.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** The file, inside userData, holding the window's last bounds. */
export const WINDOW_STATE_FILE_NAME = 'window-state.json';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The bounds when not maximized (so un-maximizing after a restart goes somewhere sensible). */
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const;
/** How much of a saved window must still be on a display for it to be put back there. */
const MIN_VISIBLE = { width: 100, height: 50 } as const;

const finite = z.number().finite();
const windowStateSchema = z.object({
  bounds: z.object({
    x: finite,
    y: finite,
    width: finite.positive(),
    height: finite.positive(),
  }),
  maximized: z.boolean(),
});

/** The saved state, or undefined when there is none or it is unreadable (then defaults apply). */
export function readWindowState(file: string): WindowState | undefined {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves the state. Synchronous because it runs as the window closes and the process may exit
 * right after; written to a temporary file first so a crash mid-write leaves the old state.
 */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

const UNBOUNDED: Rectangle = { x: 0, y: 0, width: Infinity, height: Infinity };

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function fitSize(size: { width: number; height: number }, area: Rectangle) {
  return {
    width: Math.round(Math.min(Math.max(size.width, MIN_WINDOW_SIZE.width), area.width)),
    height: Math.round(Math.min(Math.max(size.height, MIN_WINDOW_SIZE.height), area.height)),
  };
}

/**
 * Where to open the window: the saved bounds moved and shrunk to lie wholly on the display they
 * mostly covered; or, if they are no longer visible (a monitor was unplugged), the saved or
 * default size centred on the primary display. `workAreas[0]` is the primary display.
 */
export function placeWindow(
  saved: Rectangle | undefined,
  workAreas: readonly Rectangle[],
): Rectangle | { width: number; height: number } {
  const primary = workAreas[0];
  if (!primary) return fitSize(saved ?? DEFAULT_WINDOW_SIZE, UNBOUNDED);

  if (saved) {
    // Judge visibility at the size the window will really have.
    const grown = { x: saved.x, y: saved.y, ...fitSize(saved, UNBOUNDED) };
    let best: Rectangle | undefined;
    let bestArea = 0;
    for (const area of workAreas) {
      const o = overlap(grown, area);
      if (
        o.width >= MIN_VISIBLE.width &&
        o.height >= MIN_VISIBLE.height &&
        o.width * o.height > bestArea
      ) {
        best = area;
        bestArea = o.width * o.height;
      }
    }
    if (best) {
      const size = fitSize(saved, best);
      return {
        x: Math.round(clamp(saved.x, best.x, best.x + best.width - size.width)),
        y: Math.round(clamp(saved.y, best.y, best.y + best.height - size.height)),
        ...size,
      };
    }
  }

  const size = fitSize(saved ?? DEFAULT_WINDOW_SIZE, primary);
  return {
    x: primary.x + Math.round((primary.width - size.width) / 2),
    y: primary.y + Math.round((primary.height - size.height) / 2),
    ...size,
  };
}
