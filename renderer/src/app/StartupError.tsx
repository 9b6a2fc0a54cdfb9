import { Component, type ErrorInfo, type ReactNode } from 'react';

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error);
}

/** What the participant sees when storage can't be opened at all: what happened, what to do. */
export function StorageUnavailable({ error }: { error: unknown }) {
  return (
    <main className="missing">
      <h1>AED Writer can’t open its storage</h1>
      <div role="alert" className="alert">
        <p>
          Your drafts are kept in this{' '}
          {typeof window !== 'undefined' && 'aed' in window ? 'computer' : 'browser'}’s storage, and
          it could not be opened just now. Nothing has been deleted.
        </p>
        <ul>
          <li>Close any other AED Writer windows or tabs, then reload.</li>
          <li>If the disk is full, free some space and reload.</li>
          <li>
            In a browser, private or guest windows may not allow storage: use a normal window.
          </li>
        </ul>
        <p className="muted">Details for support: {describe(error)}</p>
      </div>
      <button type="button" onClick={() => location.reload()}>
        Reload
      </button>
    </main>
  );
}

/**
 * A last resort for a bug in a screen: say so, and offer a reload, rather than a blank window.
 * Everything that reached "Saved" is in storage; the reload reopens it.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <main className="missing">
        <h1>Something went wrong</h1>
        <div role="alert" className="alert">
          <p>
            AED Writer hit a problem showing this screen. Everything marked “Saved” is safe in
            storage. Reload to carry on; if it happens again, back up your draft from the library.
          </p>
          <p className="muted">Details for support: {describe(this.state.error)}</p>
        </div>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}
