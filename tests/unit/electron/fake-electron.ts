/**
 * The one fake of the `electron` module that every shell test mocks it with. Electron's binary
 * cannot run here, so the shell's modules run against this stand-in; each test file gets its
 * own copy (vitest isolates files) and resets what it relies on in `beforeEach`:
 *
 *   const { electron } = await vi.hoisted(() => import('./fake-electron'));
 *   vi.mock('electron', () => electron);
 *
 * Importing through `vi.hoisted` keeps the test's reference and the mocked module the same
 * object even after `vi.resetModules()`. This module must never import `electron` itself.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** Calls that must happen in order before `ready` (start-up tests compare this list). */
export const log: string[] = [];

/** `app.getPath(name)`: tests point these at temporary folders; unknown names give `/fake/<name>`. */
export const paths: Record<string, string> = {};
const DEFAULT_PATHS = { documents: '/home/teacher/Documents', appData: '/fake/appData' };
Object.assign(paths, DEFAULT_PATHS);

export const state = {
  /** What `app.requestSingleInstanceLock()` answers. */
  lock: true,
  /** Resolves the promise of the latest `app.whenReady()`. */
  ready: (): void => undefined,
};

/** Listeners given to `app.on`, by event name (the latest one wins). */
export const appListeners = new Map<string, Listener>();
/** Handlers given to `ipcMain.handle`, by channel. */
export const ipcHandlers = new Map<
  string,
  (event: unknown, ...args: unknown[]) => Promise<unknown>
>();

class Emitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  }
}

export class FakeWebContents extends Emitter {
  static nextId = 100;
  /** Each its own, as in Electron: main tells the print window from the main window by it. */
  id = FakeWebContents.nextId++;
  /** What the page answers the print view's readiness probe. */
  probeAnswer: unknown = { state: 'true', message: '' };
  isDestroyed = () => false;
  isCrashed = () => false;
  send = vi.fn();
  reload = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  session = { flushStorageData: vi.fn() };
  executeJavaScript = vi.fn(() => Promise.resolve(this.probeAnswer));
  printToPDF = vi.fn(() => Promise.resolve(Buffer.from('%PDF-1.4 fake')));
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  /** Runs on each new window before the code under test sees it. */
  static nextSetup: ((win: FakeBrowserWindow) => void) | undefined;
  static fromWebContents = vi.fn((_contents?: unknown): unknown => ({ id: 'owner' }));

  webContents = new FakeWebContents();
  destroyed = false;
  loadURL = vi.fn((_url: string) => Promise.resolve());
  maximize = vi.fn();
  show = vi.fn();
  getNormalBounds = vi.fn(() => ({ x: 30, y: 40, width: 1000, height: 700 }));
  isMaximized = vi.fn(() => false);
  isDestroyed = () => this.destroyed;
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  /** As Electron does: `close` listeners may prevent it; otherwise the window goes, `closed`. */
  close = vi.fn(() => {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  });

  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.nextSetup?.(this);
  }
}

const primaryDisplay = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

/** The module `vi.mock('electron', () => electron)` answers with. */
export const electron = {
  app: {
    getPath: vi.fn((name: string): string => paths[name] ?? `/fake/${name}`),
    setPath: vi.fn((name: string, _path: string) => log.push(`setPath:${name}`)),
    enableSandbox: vi.fn(() => log.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      log.push('requestSingleInstanceLock');
      return state.lock;
    }),
    quit: vi.fn(() => log.push('quit')),
    on: vi.fn((name: string, listener: Listener) => appListeners.set(name, listener)),
    whenReady: vi.fn(() => {
      log.push('whenReady');
      return new Promise<void>((resolve) => {
        state.ready = resolve;
      });
    }),
    isReady: () => true,
    isPackaged: true,
    getName: () => 'AED Writer',
    getVersion: vi.fn(() => '1.2.3'),
  },
  protocol: {
    registerSchemesAsPrivileged: vi.fn((_schemes: unknown) =>
      log.push('registerSchemesAsPrivileged'),
    ),
    handle: vi.fn(),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    },
  },
  ipcMain: {
    handle: vi.fn((channel: string, handler: never) => ipcHandlers.set(channel, handler)),
    removeHandler: vi.fn(),
  },
  ipcRenderer: {
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve('answer')),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
  contextBridge: { exposeInMainWorld: vi.fn() },
  Menu: {
    buildFromTemplate: vi.fn((template: unknown) => ({ template })),
    setApplicationMenu: vi.fn(),
  },
  BrowserWindow: FakeBrowserWindow,
  screen: {
    getPrimaryDisplay: vi.fn(() => primaryDisplay),
    getAllDisplays: vi.fn(() => [primaryDisplay]),
  },
  dialog: {
    showSaveDialog: vi.fn(),
    showOpenDialog: vi.fn(),
    showErrorBox: vi.fn(),
    showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0 })),
  },
  shell: {
    openPath: vi.fn((_path: string) => Promise.resolve('')),
    openExternal: vi.fn((_url: string) => Promise.resolve()),
  },
};

/** Back to a fresh fake: no windows, listeners, handlers or log; default paths; the lock free. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  log.length = 0;
  appListeners.clear();
  ipcHandlers.clear();
  FakeBrowserWindow.instances.length = 0;
  FakeBrowserWindow.nextSetup = undefined;
  for (const name of Object.keys(paths)) delete paths[name];
  Object.assign(paths, DEFAULT_PATHS);
  state.lock = true;
}
