// @vitest-environment jsdom
// Platform.printToPdf on both hosts: the desktop asks main over IPC, the web opens the print view.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElectronPlatform } from '../../../../renderer/src/platform/electron';
import { createWebPlatform, withAutoprint } from '../../../../renderer/src/platform/web';
import type { AedBridge } from '../../../../shared/ipc';

const HASH = '#/print/d1?label=Interim%201&guidance=0&counts=1&omitEmpty=0';
const NAME = 'AED - Siân O’Connor - Interim 1 - 2026-03-14.pdf';

function bridgeAnswering(answer: unknown) {
  const invoke = vi.fn((_channel: string, ..._args: unknown[]) => Promise.resolve(answer));
  const bridge = { invoke, on: vi.fn(() => () => undefined) } as unknown as AedBridge;
  return { bridge, invoke };
}

afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('desktop printToPdf', () => {
  it('asks main to print the hash and save it under the suggested name', async () => {
    const { bridge, invoke } = bridgeAnswering({ ok: true, saved: true, path: '/docs/a.pdf' });
    await expect(createElectronPlatform(bridge).printToPdf(HASH, NAME)).resolves.toBe(true);
    expect(invoke).toHaveBeenCalledWith('pdf:export', { printUrlHash: HASH, suggestedName: NAME });
  });

  it('resolves false when the save dialog is cancelled', async () => {
    const { bridge } = bridgeAnswering({ ok: true, saved: false });
    await expect(createElectronPlatform(bridge).printToPdf(HASH, NAME)).resolves.toBe(false);
  });

  it('rejects with main’s sentence when the PDF cannot be made or written', async () => {
    const error = 'There isn’t enough space on the disk to save “a.pdf”.';
    const { bridge } = bridgeAnswering({ ok: false, error });
    await expect(createElectronPlatform(bridge).printToPdf(HASH, NAME)).rejects.toThrow(error);
  });
});

describe('web printToPdf', () => {
  it('opens the print view, asking it to print, as a top-level page in a new tab', async () => {
    history.replaceState(null, '', '/app/?x=1#/draft/d1');
    const open = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    await expect(createWebPlatform().printToPdf(HASH, NAME)).resolves.toBe(true);
    expect(open).toHaveBeenCalledTimes(1);
    const [url, target] = open.mock.calls[0]!;
    expect(target).toBe('_blank');
    expect(url).toBe(`${location.origin}/app/?x=1${HASH}&autoprint=1`);
    // The opening tab stays where it was.
    expect(location.hash).toBe('#/draft/d1');
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('shows the print view in this tab when pop-ups are blocked', async () => {
    history.replaceState(null, '', '/#/draft/d1');
    vi.spyOn(window, 'open').mockReturnValue(null);
    await createWebPlatform().printToPdf(HASH, NAME);
    expect(location.hash).toBe(`${HASH}&autoprint=1`);
  });

  it('sets autoprint once, whatever the hash already says', () => {
    expect(withAutoprint('#/print/d1')).toBe('#/print/d1?autoprint=1');
    expect(withAutoprint('#/print/d1?autoprint=0&label=Final')).toBe(
      '#/print/d1?autoprint=1&label=Final',
    );
    expect(withAutoprint('#/print/d1?label=Interim%202')).toBe(
      '#/print/d1?label=Interim%202&autoprint=1',
    );
  });
});
