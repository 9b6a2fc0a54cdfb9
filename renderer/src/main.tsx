import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';
import { createPlatform } from './platform';
import { AedDatabase, requestPersistence } from './storage/db';
import { createDraftsRepository } from './storage/drafts-repository';
import { createSnapshotsRepository } from './storage/snapshots-repository';

const db = new AedDatabase();
// Without persistence Chromium may evict a "best-effort" origin's IndexedDB under disk pressure.
void requestPersistence();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      services={{
        db,
        drafts: createDraftsRepository(db),
        snapshots: createSnapshotsRepository(db),
        platform: createPlatform(),
      }}
    />
  </StrictMode>,
);
