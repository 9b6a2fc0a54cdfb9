/** What adding evidence did, announced politely; empty (but present) when there is nothing. */
export function EvidenceStatus({
  message,
  onDismiss,
}: {
  message: string | null;
  onDismiss: () => void;
}) {
  return (
    <div role="status" className="evidence-status">
      {message ? (
        <p className="notice">
          {message}{' '}
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}
