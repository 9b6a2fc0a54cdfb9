import { useId, useState } from 'react';
import { MAX_FIELD_CHARS } from '../../../../shared/content-limits';
import {
  criteriaShowings,
  criterionDetail,
  sectionsThatCanShow,
  withSectionLink,
  type CriterionShowing,
} from '../../../../shared/criteria';
import type {
  CriterionAssessment,
  CriterionDetail,
  EvidenceItem,
  SectionPatch,
  SectionRecord,
} from '../../../../shared/model';
import { evidenceLabel } from '../../../../shared/showing';
import type { Template } from '../../../../shared/template';
import { useLiveQuery } from '../../storage/live-query';
import { useAnnouncer } from '../announcer';
import { ShowingLink } from '../ShowingLink';
import { useServices } from '../services';

const ASSESSMENTS: { value: CriterionAssessment; label: string }[] = [
  { value: 'not-yet', label: 'Not yet' },
  { value: 'partly', label: 'Partly' },
  { value: 'met', label: 'Met' },
];

/**
 * The accreditation criteria: per criterion a self-assessment, where it is shown and a note.
 * Sections are linked in this section's own data, through the save queue like any field;
 * evidence is linked by tagging the item with the criterion (written at once, as the Evidence
 * list writes tags), so the list here and the item's tags are one and the same.
 */
export function CriteriaChecklist({
  draftId,
  template,
  record,
  readOnly,
  onChange,
  onBlur,
}: {
  draftId: string;
  template: Template;
  /** The stored section as it was when opened; null if it was never created. */
  record: SectionRecord | null;
  readOnly: boolean;
  onChange: (patch: SectionPatch) => void;
  onBlur: () => void;
}) {
  const { evidence } = useServices();
  const items = useLiveQuery(() => evidence.listEvidence(draftId), [evidence, draftId]);
  const [criteria, setCriteria] = useState<Record<string, CriterionAssessment>>(
    record?.criteria ?? {},
  );
  // Only what is changed here is held (and written); the rest reads from the stored record, so
  // opening the section writes nothing.
  const [changed, setChanged] = useState<Record<string, CriterionDetail>>({});
  const details = { ...record?.criteriaDetail, ...changed };
  const showings = criteriaShowings(template, { criteria, criteriaDetail: details }, items ?? []);

  const setAssessment = (id: string, value: CriterionAssessment) => {
    setCriteria((c) => ({ ...c, [id]: value }));
    onChange({ criteria: { [id]: value } });
  };
  const setDetail = (id: string, detail: CriterionDetail) => {
    setChanged((d) => ({ ...d, [id]: detail }));
    onChange({ criteriaDetail: { [id]: detail } });
  };
  const detailOf = (id: string) => criterionDetail({ criteriaDetail: details }, id);

  return (
    <table className="criteria" aria-label="Criteria self-assessment">
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Self-assessment</th>
        </tr>
      </thead>
      <tbody onBlur={onBlur}>
        {showings.map((c) => (
          <CriterionRow
            key={c.id}
            draftId={draftId}
            template={template}
            criterion={c}
            assessment={criteria[c.id] ?? 'not-yet'}
            detail={detailOf(c.id)}
            evidence={items}
            readOnly={readOnly}
            onAssess={(value) => setAssessment(c.id, value)}
            onDetail={(detail) => setDetail(c.id, detail)}
          />
        ))}
      </tbody>
    </table>
  );
}

function CriterionRow({
  draftId,
  template,
  criterion: c,
  assessment,
  detail,
  evidence: items,
  readOnly,
  onAssess,
  onDetail,
}: {
  draftId: string;
  template: Template;
  criterion: CriterionShowing;
  assessment: CriterionAssessment;
  detail: CriterionDetail;
  /** The draft's evidence; undefined while it is read. */
  evidence: EvidenceItem[] | undefined;
  readOnly: boolean;
  onAssess: (value: CriterionAssessment) => void;
  onDetail: (detail: CriterionDetail) => void;
}) {
  const { evidence } = useServices();
  const announce = useAnnouncer();
  const textId = useId();
  const evidenceSection = template.sections.find((s) => s.evidenceList);
  const linked = new Set(detail.sections);
  const offered = template.sections.filter(
    (s) => sectionsThatCanShow(template).includes(s) || linked.has(s.id),
  );
  const tag = (item: EvidenceItem, on: boolean) =>
    void evidence.setEvidenceTag(item.id, 'criteria', c.id, on).catch((e: unknown) => {
      announce.error(
        `“${item.fileName}” could not be tagged: ${e instanceof Error ? e.message : String(e)} Try again in a moment.`,
      );
    });
  const nothing = c.shownIn.length === 0 && c.goneSections.length === 0;

  return (
    <tr>
      <td>
        <span id={textId}>
          {c.number}. {c.text}
        </span>
        <div className="criterion-detail">
          <p className="criterion-shown">
            Shown in{nothing ? <span className="muted">: nothing yet</span> : null}
          </p>
          {nothing ? null : (
            <ul className="criterion-links" aria-label={`Criterion ${c.number} is shown in`}>
              {c.shownIn.map((showing) => (
                <li key={showing.kind === 'section' ? showing.sectionId : showing.evidenceId}>
                  <ShowingLink
                    draftId={draftId}
                    showing={showing}
                    evidenceSectionId={evidenceSection?.id}
                  />
                </li>
              ))}
              {c.goneSections.map((id) => (
                <li key={id} className="gone">
                  “{id}”, a section no longer in this template (gone){' '}
                  <button
                    type="button"
                    disabled={readOnly}
                    onClick={() => onDetail(withSectionLink(template, detail, id, false))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <details className="criterion-choose">
            <summary>Choose where criterion {c.number} is shown</summary>
            <fieldset>
              <legend>Sections showing criterion {c.number}</legend>
              {offered.map((s) => (
                <label key={s.id} className="check">
                  <input
                    type="checkbox"
                    disabled={readOnly}
                    checked={linked.has(s.id)}
                    onChange={(e) =>
                      onDetail(withSectionLink(template, detail, s.id, e.target.checked))
                    }
                  />
                  {s.title}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Evidence showing criterion {c.number}</legend>
              {items === undefined ? (
                <p className="muted">Reading the evidence…</p>
              ) : items.length === 0 ? (
                <p className="muted">
                  No evidence yet: add files with <strong>Add evidence</strong>.
                </p>
              ) : (
                <>
                  <p className="field-hint">
                    Ticking a file tags it with this criterion in the Evidence list, and the other
                    way round.
                  </p>
                  {items.map((item) => (
                    <label key={item.id} className="check">
                      <input
                        type="checkbox"
                        disabled={readOnly}
                        checked={item.criteria.includes(c.id)}
                        onChange={(e) => tag(item, e.target.checked)}
                      />
                      {evidenceLabel(item)}
                    </label>
                  ))}
                </>
              )}
            </fieldset>
          </details>
          <label className="field criterion-note">
            <span className="field-label">Note on criterion {c.number}</span>
            <textarea
              rows={2}
              value={detail.note}
              maxLength={MAX_FIELD_CHARS}
              disabled={readOnly}
              onChange={(e) => onDetail({ ...detail, note: e.target.value })}
            />
          </label>
        </div>
      </td>
      <td>
        <select
          aria-labelledby={textId}
          value={assessment}
          disabled={readOnly}
          onChange={(e) => onAssess(e.target.value as CriterionAssessment)}
        >
          {ASSESSMENTS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
