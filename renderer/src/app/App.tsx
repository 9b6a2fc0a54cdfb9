import { lazy, Suspense } from 'react';
import { AnnouncerProvider } from './announcer';
import { BackupAllListener } from './backup/BackupAllListener';
import { OtherSections } from './draft/OtherSections';
import { DraftScreen } from './DraftScreen';
import { LibraryScreen } from './LibraryScreen';
import { printHref } from './print/print-route';
import { parseRoute, useHash, type Route } from './route';
import { ServicesContext, type Services } from './services';
import { ErrorBoundary, ScreenFailed } from './StartupError';

const PrintView = lazy(() => import('./print/PrintView').then((m) => ({ default: m.PrintView })));

export function App({ services }: { services: Services }) {
  const route = parseRoute(useHash());
  return (
    <ServicesContext.Provider value={services}>
      <AnnouncerProvider>
        <BackupAllListener />
        <ErrorBoundary
          // A screen that fails offers the library and, in a draft, its other sections; any
          // navigation shows the place gone to afresh.
          fallback={(error) => (
            <ScreenFailed error={error}>
              {route.name === 'draft' ? (
                <OtherSections draftId={route.draftId} except={route.sectionId} />
              ) : null}
            </ScreenFailed>
          )}
        >
          <Routes route={route} />
        </ErrorBoundary>
      </AnnouncerProvider>
    </ServicesContext.Provider>
  );
}

function Routes({ route }: { route: Route }) {
  return route.name === 'print' ? (
    // Keyed without autoprint: dropping it from the URL after printing must not reload.
    <Suspense fallback={null}>
      <PrintView key={printHref({ ...route.params, autoprint: false })} params={route.params} />
    </Suspense>
  ) : route.name === 'draft' ? (
    <DraftScreen
      key={route.draftId}
      draftId={route.draftId}
      sectionId={route.sectionId}
      view={route.view}
      itemId={route.itemId}
    />
  ) : (
    <>
      {route.brokenLink ? (
        <p role="alert" className="alert">
          That link could not be opened: it is damaged or incomplete. Your drafts are listed below;
          open the one you wanted from here.
        </p>
      ) : null}
      <LibraryScreen />
    </>
  );
}
