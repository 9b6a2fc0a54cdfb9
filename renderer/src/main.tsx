import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';
import { ErrorBoundary, StorageUnavailable } from './app/StartupError';
import { createPlatform } from './platform';
import { AedDatabase, requestPersistence } from './storage/db';
import { createDraftsRepository } from './storage/drafts-repository';
import { createSnapshotsRepository } from './storage/snapshots-repository';

const root = createRoot(document.getElementById('root')!);
const db = new AedDatabase();
// Without persistence Chromium may evict a "best-effort" origin's IndexedDB under disk pressure.
void requestPersistence();

// Opened before the first screen, so a database that cannot open is explained, not a blank page.
db.open().then(
  () =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App
            services={{
              db,
              drafts: createDraftsRepository(db),
              snapshots: createSnapshotsRepository(db),
              platform: createPlatform(),
            }}
          />
        </ErrorBoundary>
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StorageUnavailable error={error} />),
);
