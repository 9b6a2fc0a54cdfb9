import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';
import { ErrorBoundary, StorageUnavailable } from './app/StartupError';
import { createPlatform } from './platform';
import { openStorage } from './storage/open-storage';

const root = createRoot(document.getElementById('root')!);

// Opened before the first screen, so a database that cannot open is explained, not a blank page.
openStorage().then(
  (repositories) =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App services={{ ...repositories, platform: createPlatform() }} />
        </ErrorBoundary>
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StorageUnavailable error={error} />),
);
