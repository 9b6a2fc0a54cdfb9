import { createContext, useContext } from 'react';
import type { Platform } from '../platform/platform';
import type { AedDatabase } from '../storage/db';
import type { DraftsRepository } from '../storage/drafts-repository';
import type { SnapshotsRepository } from '../storage/snapshots-repository';

/** What screens use to reach storage and the host; one instance for the app's lifetime. */
export interface Services {
  db: AedDatabase;
  drafts: DraftsRepository;
  snapshots: SnapshotsRepository;
  platform: Platform;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices is used outside <ServicesContext>');
  return services;
}
