import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { guardWebContents, isExternalLinkAllowed } from '../../../electron/main/web-contents-guard';

type Handler = (event: Record<string, unknown>, ...rest: unknown[]) => void;

function setUp() {
  const handlers = new Map<string, Handler>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, handler: Handler) => {
      handlers.set(name, handler);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    }),
  };
  const openExternal = vi.fn(() => Promise.resolve());
  guardWebContents(
    contents as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
    openExternal,
  );

  const fire = (name: string, url: string, isMainFrame = true) => {
    const event = { url, isMainFrame, preventDefault: vi.fn() };
    handlers.get(name)!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => windowOpenHandler!({ url });
  return { handlers, fire, open, openExternal };
}

describe('navigation guard', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s allows the app origin and blocks everything else',
    (name) => {
      const { fire } = setUp();
      expect(fire(name, 'app://aed/index.html#/draft/1')).toBe(false);
      expect(fire(name, 'https://example.com/')).toBe(true);
      expect(fire(name, 'http://localhost:5173/')).toBe(true);
      expect(fire(name, 'file:///etc/passwd')).toBe(true);
      expect(fire(name, 'app://other/index.html')).toBe(true);
      expect(fire(name, 'javascript:alert(1)')).toBe(true);
    },
  );

  it('sends a blocked https link to the system browser, never a file: or javascript: one', () => {
    const { fire, openExternal } = setUp();
    fire('will-navigate', 'https://www.ncetm.org.uk/');
    fire('will-navigate', 'file:///etc/passwd');
    fire('will-navigate', 'javascript:alert(1)');
    expect(openExternal.mock.calls).toEqual([['https://www.ncetm.org.uk/']]);
  });

  it('does not open redirects externally', () => {
    const { fire, openExternal } = setUp();
    fire('will-redirect', 'https://example.com/');
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening https and mailto externally only', () => {
    const { open, openExternal } = setUp();
    for (const url of [
      'https://example.com/a',
      'mailto:lead@example.org',
      'http://example.com/',
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'app://aed/index.html',
      'smb://server/share',
      'not a url',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([
      ['https://example.com/a'],
      ['mailto:lead@example.org'],
    ]);
  });

  it('prevents attaching a webview', () => {
    const { fire } = setUp();
    expect(fire('will-attach-webview', '')).toBe(true);
  });

  it('survives openExternal failing', async () => {
    const { open, openExternal } = setUp();
    openExternal.mockRejectedValueOnce(new Error('no browser'));
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
  });

  it('names what may leave the app', () => {
    expect(isExternalLinkAllowed('https://a.b/')).toBe(true);
    expect(isExternalLinkAllowed('mailto:a@b.c')).toBe(true);
    expect(isExternalLinkAllowed('http://a.b/')).toBe(false);
    expect(isExternalLinkAllowed('ftp://a.b/')).toBe(false);
  });
});

describe('mailto: links handed to the system', () => {
  it('opens only the address, subject and body, and nothing for a bare attach=', () => {
    const { open, openExternal } = setUp();
    open('mailto:?attach=/etc/passwd');
    open('mailto:lead@hub.example?attach=/etc/passwd&subject=My%20AED');
    expect(openExternal.mock.calls).toEqual([['mailto:lead@hub.example?subject=My%20AED']]);
  });
});
