import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * App-wide errors, announced in one role="alert" region (UI-CONTRACT: anything that fails says
 * what happened and what to do). Screens report; this renders.
 */
interface Announcer {
  error(message: string): void;
}

const AnnouncerContext = createContext<Announcer>({ error: () => undefined });

export function useAnnouncer(): Announcer {
  return useContext(AnnouncerContext);
}

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const error = useCallback((m: string) => setMessage(m), []);
  const value = useMemo(() => ({ error }), [error]);
  return (
    <AnnouncerContext.Provider value={value}>
      {children}
      {message ? (
        <div className="alert app-alert" role="alert">
          <p>{message}</p>
          <button type="button" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </AnnouncerContext.Provider>
  );
}
