import { createElectronPlatform, getAedBridge } from './electron';
import type { Platform } from './platform';
import { createWebPlatform } from './web';

export type { Platform } from './platform';

/** The desktop shell's preload exposes its bridge before any script runs; a browser has none. */
export function createPlatform(): Platform {
  return getAedBridge() ? createElectronPlatform() : createWebPlatform();
}
