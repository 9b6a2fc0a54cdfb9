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

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to show instead (default: what happened, with Reload and a way to the library). */
  fallback?: (error: unknown, retry: () => void) => ReactNode;
  /** Told once about each error caught (e.g. to remember which section broke). */
  onError?: (error: unknown) => void;
}

/**
 * A last resort for a bug in a screen: say so, and offer a way on, rather than a blank window.
 * Everything that reached "Saved" is in storage. Going anywhere else (a link, Back, a typed
 * address: any change of the hash) shows that place afresh instead of the same message.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  private readonly retry = () => this.setState({ error: null });

  override componentDidMount() {
    window.addEventListener('hashchange', this.retry);
  }

  override componentWillUnmount() {
    window.removeEventListener('hashchange', this.retry);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
    this.props.onError?.(error);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    if (this.props.fallback) return this.props.fallback(this.state.error, this.retry);
    return <ScreenFailed error={this.state.error} />;
  }
}

/** What a screen that failed shows: what happened, and the ways on. */
export function ScreenFailed({ error, children }: { error: unknown; children?: ReactNode }) {
  return (
    <main className="missing">
      <h1>Something went wrong</h1>
      <div role="alert" className="alert">
        <p>
          AED Writer hit a problem showing this screen. Everything marked “Saved” is safe in
          storage. Reload to carry on, or go to your drafts; if it happens again, back up your draft
          from the library.
        </p>
        <p className="muted">Details for support: {describe(error)}</p>
      </div>
      {children}
      <p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>{' '}
        <a href="#/">All drafts</a>
      </p>
    </main>
  );
}
