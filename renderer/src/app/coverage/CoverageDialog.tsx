import { computeCoverage } from '../../../../shared/coverage';
import { COVERAGE_CORNER, NOTHING_YET } from '../../../../shared/export/presentation';
import type { Template } from '../../../../shared/template';
import { useLiveQuery } from '../../storage/live-query';
import { Dialog } from '../Dialog';
import { useServices } from '../services';
import { ShowingLink } from '../ShowingLink';

/**
 * Coverage: which domains the draft shows at which stage (shared/coverage.ts), as a table of
 * links to what covers each cell, read live from storage. A gap says "Nothing yet" in words, so
 * a screen reader hears it, and is shaded, so it stands out on screen.
 */
export function CoverageDialog({
  open,
  draftId,
  template,
  onClose,
}: {
  open: boolean;
  draftId: string;
  template: Template;
  onClose: () => void;
}) {
  return (
    <Dialog title="Coverage" open={open} onClose={onClose}>
      <CoverageTable draftId={draftId} template={template} onFollow={onClose} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function CoverageTable({
  draftId,
  template,
  onFollow,
}: {
  draftId: string;
  template: Template;
  onFollow: () => void;
}) {
  const { drafts, evidence } = useServices();
  const read = useLiveQuery(
    async () => ({
      sections: await drafts.getSections(draftId),
      items: await evidence.listEvidence(draftId),
    }),
    [drafts, evidence, draftId],
  );
  if (read === undefined) return <p className="muted loading">Reading the draft…</p>;
  const coverage = computeCoverage(template, read.sections, read.items);
  const cells = coverage.rows.length * coverage.stages.length;
  const evidenceSectionId = template.sections.find((s) => s.evidenceList)?.id;
  return (
    <div className="coverage">
      <p>
        {coverage.gaps === 0
          ? 'Every domain is covered at every stage.'
          : `${coverage.gaps} of ${cells} cells have nothing yet.`}{' '}
        <span className="muted">
          A cell lists the stage’s section when it is tagged with the domain, and the evidence
          tagged with both the stage and the domain.
        </span>
      </p>
      <table className="coverage-table" aria-label="Coverage">
        <colgroup>
          <col className="coverage-domain" />
          {coverage.stages.map((stage) => (
            <col key={stage.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{COVERAGE_CORNER}</th>
            {coverage.stages.map((stage) => (
              <th key={stage.id} scope="col">
                {stage.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.rows.map((row) => (
            <tr key={row.domainId}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell) =>
                cell.shownIn.length === 0 ? (
                  <td key={cell.stageId} className="coverage-gap">
                    {NOTHING_YET}
                  </td>
                ) : (
                  <td key={cell.stageId}>
                    <ul>
                      {cell.shownIn.map((showing) => (
                        <li
                          key={showing.kind === 'section' ? showing.sectionId : showing.evidenceId}
                        >
                          <ShowingLink
                            draftId={draftId}
                            showing={showing}
                            evidenceSectionId={evidenceSectionId}
                            onFollow={onFollow}
                          />
                        </li>
                      ))}
                    </ul>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
