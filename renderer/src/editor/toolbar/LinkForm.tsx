import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { normalizeLinkInput } from '../../../../shared/link-url';

interface LinkFormProps {
  id: string;
  initialUrl: string;
  onApply: (url: string) => void;
  onRemove: (() => void) | null;
  onCancel: () => void;
}

/** The inline form the Link button and Ctrl+K open (never window.prompt). */
export function LinkForm({ id, initialUrl, onApply, onRemove, onCancel }: LinkFormProps) {
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const url = normalizeLinkInput(value);
    if (url === null) {
      setError('Use a web address that starts with https:// or an email address.');
      inputRef.current?.focus();
      return;
    }
    onApply(url);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      id={id}
      className="aed-link-form"
      aria-label="Edit link"
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <label htmlFor={inputId}>Link address</label>
      <input
        id={inputId}
        ref={inputRef}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://…"
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
      />
      <button type="submit">Apply</button>
      {onRemove !== null && (
        <button type="button" onClick={onRemove}>
          Remove
        </button>
      )}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error !== null && (
        <p id={errorId} className="aed-link-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
