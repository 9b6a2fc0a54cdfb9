/**
 * Registers main's IPC handlers from the contract: every channel in it, each behind the same two
 * gates — the sender must be the app's own page, and the arguments must match the schema.
 */
import { z } from 'zod';
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { IPC_REQUEST_CHANNELS, ipcRequestContract } from '../../shared/ipc';
import type {
  IpcEventChannel,
  IpcEventPayload,
  IpcHandlers,
  IpcRequestChannel,
  IpcRequestParsedArgs,
  IpcRequestResult,
} from '../../shared/ipc';
import { isAppOriginUrl } from './app-identity';

/**
 * Whether an IPC message came from the app's page: a top-level frame on `app://aed`. The app has
 * no iframes, so a subframe is never trusted, whatever its origin.
 */
export function isTrustedSenderFrame(
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined,
): boolean {
  return (
    frame !== null && frame !== undefined && frame.parent === null && isAppOriginUrl(frame.url)
  );
}

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;
type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

async function dispatch<C extends IpcRequestChannel>(
  channel: C,
  handlers: IpcHandlers<IpcMainInvokeEvent>,
  event: IpcMainInvokeEvent,
  rawArgs: unknown[],
  isTrusted: (frame: InvokeEvent['senderFrame']) => boolean,
): Promise<IpcRequestResult<C>> {
  if (!isTrusted(event.senderFrame)) {
    throw new Error(`${channel} refused: the request did not come from the app's own page.`);
  }
  if (rawArgs.length > 1) throw new Error(`${channel} refused: it takes at most one argument.`);
  const parsed = ipcRequestContract[channel].args.safeParse(rawArgs[0]);
  if (!parsed.success) {
    throw new Error(`${channel} refused: invalid arguments.\n${z.prettifyError(parsed.error)}`);
  }
  const handler = handlers[channel] as (
    args: IpcRequestParsedArgs<C>,
    context: IpcMainInvokeEvent,
  ) => IpcRequestResult<C> | Promise<IpcRequestResult<C>>;
  return handler(parsed.data as IpcRequestParsedArgs<C>, event);
}

/** Registers one handler per request channel; returns a function removing them all. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers<IpcMainInvokeEvent>,
  isTrusted: (frame: InvokeEvent['senderFrame']) => boolean = isTrustedSenderFrame,
): () => void {
  for (const channel of IPC_REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, ...rawArgs: unknown[]) =>
      dispatch(channel, handlers, event, rawArgs, isTrusted),
    );
  }
  return () => {
    for (const channel of IPC_REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Sends event `channel` to a renderer, typed by the contract. */
export function sendIpcEvent<E extends IpcEventChannel>(
  contents: Pick<WebContents, 'send'>,
  channel: E,
  payload: IpcEventPayload<E>,
): void {
  contents.send(channel, payload);
}
