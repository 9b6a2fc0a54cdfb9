import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  writeWindowState,
} from '../../../electron/main/window-state';
import type { Rectangle } from '../../../electron/main/window-state';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aed-window-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('window state file', () => {
  it('round-trips through a real file, creating the folder', () => {
    const file = join(dir, 'nested', 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
  });

  it('overwrites the previous state and leaves no temporary file', async () => {
    const file = join(dir, 'window-state.json');
    writeWindowState(file, { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false });
    writeWindowState(file, { bounds: { x: 5, y: 5, width: 801, height: 601 }, maximized: true });
    expect(readWindowState(file)?.bounds.width).toBe(801);
    await expect(readFile(`${file}.tmp`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('gives undefined (defaults) when the file is missing', () => {
    expect(readWindowState(join(dir, 'none.json'))).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"bounds": {'],
    ['empty', ''],
    ['wrong shape', '{"x": 1}'],
    ['negative size', '{"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}'],
    ['string numbers', '{"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}'],
    ['null', 'null'],
  ])('gives undefined when the file is corrupt (%s)', async (_label, content) => {
    const file = join(dir, 'window-state.json');
    await writeFile(file, content);
    expect(readWindowState(file)).toBeUndefined();
  });
});

describe('placeWindow', () => {
  const primary: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
  const right: Rectangle = { x: 1920, y: 0, width: 1280, height: 984 };

  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(undefined, [primary])).toEqual({
      x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (1040 - DEFAULT_WINDOW_SIZE.height) / 2,
      ...DEFAULT_WINDOW_SIZE,
    });
  });

  it('keeps saved bounds that are fully visible', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 800 };
    expect(placeWindow(saved, [primary, right])).toEqual(saved);
  });

  it('keeps a window on a secondary display', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700 };
    expect(placeWindow(saved, [primary, right])).toEqual(saved);
  });

  it('pulls a partly off-screen window wholly onto the display it mostly covers', () => {
    const placed = placeWindow({ x: 1700, y: -40, width: 1000, height: 800 }, [primary]);
    expect(placed).toEqual({ x: 920, y: 0, width: 1000, height: 800 });
  });

  it('recentres a window whose display was unplugged', () => {
    const placed = placeWindow({ x: 4000, y: 200, width: 1000, height: 700 }, [primary]);
    expect(placed).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('treats a sliver left on screen as not visible', () => {
    const placed = placeWindow({ x: 1900, y: 0, width: 1000, height: 700 }, [primary]);
    expect(placed).toMatchObject({ x: 460, width: 1000 });
  });

  it('shrinks a window larger than the display to fit it', () => {
    const placed = placeWindow({ x: 0, y: 0, width: 3000, height: 2000 }, [primary]);
    expect(placed).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('grows a saved window below the minimum size', () => {
    const placed = placeWindow({ x: 10, y: 10, width: 50, height: 40 }, [primary]);
    expect(placed).toEqual({ x: 10, y: 10, ...MIN_WINDOW_SIZE });
  });
});
