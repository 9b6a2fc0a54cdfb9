import { useId, useState, type FormEvent } from 'react';
import type { ExportFormat } from '../../../../shared/changes';
import type { ExportOptions } from '../../../../shared/export/document-model';
import type { Template } from '../../../../shared/template';
import { Dialog } from '../Dialog';

export interface ExportRequest {
  format: ExportFormat;
  /** The submission label ("Interim 1", "Final"), or null when the export is not a submission. */
  label: string | null;
  options: ExportOptions;
  /** Append a summary of what changed since the previous submission. */
  includeChanges: boolean;
}

interface ExportDialogProps {
  open: boolean;
  template: Template;
  /** Labels already used, shown so a participant notices sending "Interim 1" twice. */
  usedLabels: readonly string[];
  /** Whether there is an earlier submission to summarise changes against. */
  canSummariseChanges: boolean;
  /** Set when exporting an earlier submission again: its label is fixed. */
  fixedLabel?: string;
  onClose: () => void;
  onExport: (request: ExportRequest) => void;
  /** Opens the readiness check (offered when the final submission is chosen). */
  onCheckReadiness?: () => void;
}

const NOT_A_SUBMISSION = '';

export function ExportDialog(props: ExportDialogProps) {
  return (
    <Dialog title="Export" open={props.open} onClose={props.onClose}>
      <ExportForm {...props} />
    </Dialog>
  );
}

function ExportForm({
  template,
  usedLabels,
  canSummariseChanges,
  fixedLabel,
  onClose,
  onExport,
  onCheckReadiness,
}: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [label, setLabel] = useState(fixedLabel ?? NOT_A_SUBMISSION);
  const [includeGuidance, setIncludeGuidance] = useState(false);
  const [includeWordCounts, setIncludeWordCounts] = useState(false);
  const [omitEmptySections, setOmitEmptySections] = useState(false);
  const [includeChanges, setIncludeChanges] = useState(false);
  const [includeCoverage, setIncludeCoverage] = useState(false);
  const [includeResponses, setIncludeResponses] = useState(false);
  const responsesHintId = useId();
  const submissionId = useId();
  const hintId = useId();
  const reusedId = useId();
  const coverageHintId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    onExport({
      format,
      label: label === NOT_A_SUBMISSION ? null : label,
      options: {
        includeGuidance,
        includeWordCounts,
        omitEmptySections,
        ...(includeCoverage ? { includeCoverage: true } : {}),
        ...(includeResponses ? { includeFeedbackResponses: true } : {}),
      },
      includeChanges: includeChanges && canSummariseChanges,
    });
  }

  const reused = label !== NOT_A_SUBMISSION && !fixedLabel && usedLabels.includes(label);
  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">Format</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          <option value="docx">Word (.docx)</option>
          <option value="pdf">PDF</option>
        </select>
      </label>
      {/* The choice is named "Submission" and nothing more; what it means is its description. */}
      <div className="field">
        <label className="field-label" htmlFor={submissionId}>
          Submission
        </label>
        <select
          id={submissionId}
          value={label}
          disabled={fixedLabel !== undefined}
          aria-describedby={reused ? `${hintId} ${reusedId}` : hintId}
          onChange={(e) => setLabel(e.target.value)}
        >
          {fixedLabel !== undefined ? (
            <option value={fixedLabel}>{fixedLabel}</option>
          ) : (
            <>
              <option value={NOT_A_SUBMISSION}>Not a submission</option>
              {template.submissionLabels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </>
          )}
        </select>
        <span id={hintId} className="field-hint">
          {fixedLabel !== undefined
            ? 'This submission is exported exactly as it was sent.'
            : label === NOT_A_SUBMISSION
              ? 'A copy for yourself or a colleague; nothing is recorded.'
              : 'A copy of the whole draft is kept as this submission, so you can export it again later exactly as sent.'}
        </span>
        {onCheckReadiness && !fixedLabel && label === template.submissionLabels.at(-1) ? (
          <p className="field-hint">
            Your final submission: check nothing is left to do first.{' '}
            <button type="button" onClick={onCheckReadiness}>
              Check readiness
            </button>
          </p>
        ) : null}
        {reused ? (
          <span id={reusedId} className="field-hint warn">
            You have already sent a submission called “{label}”.
          </span>
        ) : null}
      </div>
      <fieldset className="options">
        <legend>Include</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={includeGuidance}
            onChange={(e) => setIncludeGuidance(e.target.checked)}
          />
          The guidance for each section
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={includeWordCounts}
            onChange={(e) => setIncludeWordCounts(e.target.checked)}
          />
          Word counts
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={omitEmptySections}
            onChange={(e) => setOmitEmptySections(e.target.checked)}
          />
          Leave out sections not yet written
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={includeCoverage}
            aria-describedby={coverageHintId}
            onChange={(e) => setIncludeCoverage(e.target.checked)}
          />
          Coverage
        </label>
        <span id={coverageHintId} className="field-hint">
          A table of the domains at each stage, and what shows each, after the sections.
        </span>
        <label className="check">
          <input
            type="checkbox"
            checked={includeResponses}
            aria-describedby={responsesHintId}
            onChange={(e) => setIncludeResponses(e.target.checked)}
          />
          Response to feedback
        </label>
        <span id={responsesHintId} className="field-hint">
          A table of your Cohort Lead’s comments on earlier submissions and your response to each.
        </span>
        <label className="check">
          <input
            type="checkbox"
            checked={includeChanges && canSummariseChanges}
            disabled={!canSummariseChanges}
            onChange={(e) => setIncludeChanges(e.target.checked)}
          />
          A summary of changes since the last submission
        </label>
      </fieldset>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Export
        </button>
      </div>
    </form>
  );
}
