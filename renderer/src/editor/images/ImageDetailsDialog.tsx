import { useId, useState, type FormEvent } from 'react';
import { MAX_CAPTION_CHARS } from '../../../../shared/content-limits';
import { IMAGE_WIDTHS, type ImageWidth } from '../../../../shared/export/image-json';
import { Dialog } from '../../app/Dialog';

export interface ImageDetails {
  altText: string;
  caption: string;
  width: ImageWidth;
}

/**
 * Asks what an image shows (its alt text), with an optional caption and its width. Asked when an
 * image is added; `Skip` leaves the alt text empty, which the readiness check lists.
 */
export function ImageDetailsDialog({
  formKey,
  details,
  onSave,
  onClose,
}: {
  /** Which image is asked about: a new one starts a fresh form. */
  formKey: string;
  /** The image's details now, or null when closed. */
  details: ImageDetails | null;
  onSave: (details: ImageDetails) => void;
  onClose: () => void;
}) {
  return (
    <Dialog title="Describe this image" open={details !== null} onClose={onClose}>
      {details ? (
        <DetailsForm key={formKey} initial={details} onSave={onSave} onSkip={onClose} />
      ) : null}
    </Dialog>
  );
}

function DetailsForm({
  initial,
  onSave,
  onSkip,
}: {
  initial: ImageDetails;
  onSave: (details: ImageDetails) => void;
  onSkip: () => void;
}) {
  const hintId = useId();
  const [altText, setAltText] = useState(initial.altText);
  const [caption, setCaption] = useState(initial.caption);
  const [width, setWidth] = useState(initial.width);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ altText: altText.trim(), caption: caption.trim(), width });
  };
  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">Alt text</span>
        <textarea
          rows={3}
          value={altText}
          maxLength={MAX_CAPTION_CHARS}
          aria-describedby={hintId}
          autoFocus
          onChange={(e) => setAltText(e.target.value)}
        />
      </label>
      <p id={hintId} className="muted">
        What the image shows, for a reader who cannot see it (a screen reader reads this out).
      </p>
      <label className="field">
        <span className="field-label">Caption</span>
        <input
          type="text"
          value={caption}
          maxLength={MAX_CAPTION_CHARS}
          onChange={(e) => setCaption(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">Width</span>
        <select
          value={width === null ? '' : String(width)}
          onChange={(e) => setWidth(e.target.value === '' ? null : Number(e.target.value))}
        >
          {IMAGE_WIDTHS.map((w) => (
            <option key={w.label} value={w.width === null ? '' : String(w.width)}>
              {w.label}
            </option>
          ))}
          {width !== null && !IMAGE_WIDTHS.some((w) => w.width === width) ? (
            <option value={String(width)}>{width} pixels</option>
          ) : null}
        </select>
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onSkip}>
          Skip
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
