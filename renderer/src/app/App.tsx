import { AnnouncerProvider } from './announcer';
import { DraftScreen } from './DraftScreen';
import { LibraryScreen } from './LibraryScreen';
import { parseRoute, useHash } from './route';
import { ServicesContext, type Services } from './services';

export function App({ services }: { services: Services }) {
  const route = parseRoute(useHash());
  return (
    <ServicesContext.Provider value={services}>
      <AnnouncerProvider>
        {route.name === 'draft' ? (
          <DraftScreen key={route.draftId} draftId={route.draftId} sectionId={route.sectionId} />
        ) : (
          <LibraryScreen />
        )}
      </AnnouncerProvider>
    </ServicesContext.Provider>
  );
}
