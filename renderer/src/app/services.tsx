import { createContext, useContext } from 'react';
import type { Platform } from '../platform/platform';
import type { Repositories } from '../storage/open-storage';

/**
 * What screens use to reach storage and the host: repositories and the platform, never the
 * database itself. One instance for the app's lifetime.
 */
export interface Services extends Repositories {
  platform: Platform;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices is used outside <ServicesContext>');
  return services;
}
