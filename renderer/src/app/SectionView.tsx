import { useCallback, useId, useState } from 'react';
import { MAX_FIELD_CHARS } from '../../../shared/content-limits';
import type { FieldValue, SectionRecord } from '../../../shared/model';
import type { Template, TemplateField, WordGuide as WordGuideType } from '../../../shared/template';
import { wordGuideStatus } from '../../../shared/word-count';
import { SectionEditor } from '../editor/SectionEditor';
import { CriteriaChecklist } from './criteria/CriteriaChecklist';
import { EvidenceList } from './evidence/EvidenceList';
import { FeedbackList } from './feedback/FeedbackList';
import { SectionFeedback } from './feedback/SectionFeedback';
import { Guidance } from './Guidance';
import type { LiveWords } from './session/live-words';
import type { SectionWriter } from './session/draft-session';
import { useLiveWords } from './use-live-words';

interface SectionViewProps {
  draftId: string;
  sectionId: string;
  number: number;
  template: Template;
  /** The stored section as it was when opened; null if it was never created. */
  record: SectionRecord | null;
  /** Where changes go (the draft session's, bound to the content this section was loaded with). */
  writer: SectionWriter;
  /** Where the live word count goes (the navigation and the total read it from there). */
  words: LiveWords;
  /** Shown but not editable: the draft is being edited in another window. */
  readOnly?: boolean;
  /** An evidence item a link led to, for the section's Evidence list. */
  focusItemId?: string | undefined;
}

/**
 * One section: its guidance, fields, tags and rich text. It owns its values while open (the
 * store is written through the queue, never read back into the inputs), so typing never waits
 * for storage.
 */
export function SectionView({
  draftId,
  sectionId,
  number,
  template,
  record,
  writer,
  words,
  readOnly = false,
  focusItemId,
}: SectionViewProps) {
  const section = template.sections.find((s) => s.id === sectionId)!;
  const headingId = useId();
  const [fields, setFields] = useState<Record<string, FieldValue>>(record?.fields ?? {});
  const [domains, setDomains] = useState<string[]>(record?.domains ?? []);

  const setField = (id: string, value: FieldValue) => {
    setFields((f) => ({ ...f, [id]: value }));
    writer.markDirty({ fields: { [id]: value } });
  };
  const toggleDomain = (id: string, on: boolean) => {
    const next = template.domains
      .map((d) => d.id)
      .filter((d) => (d === id ? on : domains.includes(d)));
    setDomains(next);
    writer.markDirty({ domains: next });
  };

  const onEditorChange = useCallback(
    (snapshot: () => { editorState: string; text: string; wordCount: number }) =>
      writer.markDirty(snapshot, 'editor'),
    [writer],
  );
  const onEditorWordCount = useCallback(
    (count: number) => words.set(sectionId, count),
    [words, sectionId],
  );
  const flush = useCallback(() => writer.flush(), [writer]);

  const stage = template.stages.find((s) => s.id === section.stage);

  return (
    <article className="section" aria-labelledby={headingId}>
      <header className="section-header">
        <p className="section-kicker" aria-hidden="true">
          Section {number}
          {stage ? ` · ${stage.label} stage` : ''}
        </p>
        <h1 id={headingId} className="section-title">
          {section.title}
        </h1>
      </header>

      {section.guidance.length > 0 ? (
        <Guidance sectionId={sectionId} paragraphs={section.guidance} />
      ) : null}

      {section.fields.length > 0 ? (
        <div className="fields" onBlur={flush}>
          {section.fields.map((field) => (
            <FieldInput
              key={field.id}
              field={field}
              value={fields[field.id] ?? null}
              disabled={readOnly}
              onChange={setField}
            />
          ))}
        </div>
      ) : null}

      {section.domainTags ? (
        <fieldset className="domains" onBlur={flush}>
          <legend>Domains this section addresses</legend>
          {template.domains.map((d) => (
            <label key={d.id} className="check">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={domains.includes(d.id)}
                onChange={(e) => toggleDomain(d.id, e.target.checked)}
              />
              {d.label}
            </label>
          ))}
        </fieldset>
      ) : null}

      {section.criteriaChecklist ? (
        <CriteriaChecklist
          draftId={draftId}
          template={template}
          record={record}
          readOnly={readOnly}
          onChange={(patch) => writer.markDirty(patch)}
          onBlur={flush}
        />
      ) : null}

      {section.evidenceList ? (
        <EvidenceList
          draftId={draftId}
          template={template}
          readOnly={readOnly}
          focusItemId={focusItemId}
        />
      ) : null}

      {section.feedbackList ? (
        <FeedbackList draftId={draftId} template={template} readOnly={readOnly} />
      ) : null}

      {section.richText ? (
        <div className="rich-text">
          <SectionEditor
            labelledBy={headingId}
            initialState={record?.editorState ?? null}
            placeholder={section.richText.placeholder ?? 'Start writing…'}
            onChange={onEditorChange}
            onWordCount={onEditorWordCount}
            onBlur={flush}
            readOnly={readOnly}
          />
          <WordGuide words={words} sectionId={sectionId} guide={section.richText.wordGuide} />
        </div>
      ) : null}

      {section.feedbackList ? null : (
        <SectionFeedback draftId={draftId} sectionId={sectionId} readOnly={readOnly} />
      )}
    </article>
  );
}

/** The section's count against its word guide, re-rendered alone as the count changes. */
function WordGuide({
  words,
  sectionId,
  guide,
}: {
  words: LiveWords;
  sectionId: string;
  guide: WordGuideType | undefined;
}) {
  useLiveWords(words);
  const status = wordGuideStatus(words.get(sectionId), guide);
  return <p className={`word-guide word-guide-${status.state}`}>{status.label}</p>;
}

function FieldInput({
  field,
  value,
  disabled,
  onChange,
}: {
  field: TemplateField;
  value: FieldValue;
  disabled: boolean;
  onChange: (id: string, value: FieldValue) => void;
}) {
  const hintId = useId();
  const describedBy = field.hint ? hintId : undefined;
  let control;
  if (field.type === 'choice') {
    control = (
      <select
        disabled={disabled}
        value={typeof value === 'string' ? value : ''}
        aria-describedby={describedBy}
        onChange={(e) => onChange(field.id, e.target.value || null)}
      >
        <option value="">Choose…</option>
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {/* A value from an older template stays visible rather than silently changing. */}
        {typeof value === 'string' && value && !field.options.includes(value) ? (
          <option value={value}>{value}</option>
        ) : null}
      </select>
    );
  } else if (field.type === 'number') {
    control = (
      <input
        type="number"
        disabled={disabled}
        inputMode="numeric"
        min={field.min}
        max={field.max}
        value={value ?? ''}
        aria-describedby={describedBy}
        onChange={(e) => onChange(field.id, e.target.value === '' ? null : e.target.valueAsNumber)}
      />
    );
  } else {
    control = (
      <input
        type="text"
        disabled={disabled}
        maxLength={MAX_FIELD_CHARS}
        value={value ?? ''}
        aria-describedby={describedBy}
        onChange={(e) => onChange(field.id, e.target.value)}
      />
    );
  }
  return (
    <label className="field">
      <span className="field-label">{field.label}</span>
      {control}
      {field.hint ? (
        <span id={hintId} className="field-hint">
          {field.hint}
        </span>
      ) : null}
    </label>
  );
}
