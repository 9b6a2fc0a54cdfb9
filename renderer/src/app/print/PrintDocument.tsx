/**
 * The export document as semantic HTML for Chromium to print: cover, contents, then the
 * numbered sections. It renders the same ExportDocument the DOCX is made from, and nothing else,
 * so the PDF and the Word file hold the same content. Pure: no data loading, no effects.
 */
import type { MouseEvent, ReactNode } from 'react';
import type {
  Block,
  ImageBlock,
  Inline,
  ListBlock,
  TableBlock,
  TableCell,
  TextRun,
} from '../../../../shared/export/blocks';
import {
  EVIDENCE_APPENDIX_TITLE,
  type CoverageTable as CoverageTableData,
  type CriterionRow,
  type DocumentSection,
  type EvidenceEntry,
  type ExportDocument,
  type FieldRow,
  type ShownIn,
} from '../../../../shared/export/document-model';
import { usePrintPicture } from './print-pictures';
import {
  CHECK_BOXES,
  CONTENTS_TITLE,
  COVERAGE_CORNER,
  CRITERIA_COLUMNS,
  GUIDANCE_TITLE,
  NOT_GIVEN,
  NOT_YET_WRITTEN,
  NOTHING_WRITTEN,
  NOTHING_YET,
  coverDetails,
  coverSubtitle,
  isAssessmentEmphasised,
  isWideTable,
  sectionMeta,
  shownInText,
} from '../../../../shared/export/presentation';

/** The element id of a section, for the contents' links. */
export function sectionAnchor(sectionId: string): string {
  return `print-section-${sectionId}`;
}

/** The element id of a section's n-th (0-based) top-level heading of level 2. */
export function headingAnchor(sectionId: string, n: number): string {
  return `print-section-${sectionId}-heading-${n + 1}`;
}

export function PrintDocument({ doc }: { doc: ExportDocument }) {
  return (
    <article className="print-document" lang="en-GB">
      <CoverPage doc={doc} />
      <Contents doc={doc} />
      <div className="print-sheet print-body">
        {doc.sections.length === 0 ? (
          <p className="print-not-written">{NOTHING_WRITTEN}</p>
        ) : (
          doc.sections.map((section) => <Section key={section.id} section={section} />)
        )}
        {doc.evidence.length > 0 ? <EvidenceAppendix entries={doc.evidence} /> : null}
      </div>
    </article>
  );
}

function CoverPage({ doc }: { doc: ExportDocument }) {
  const { cover } = doc;
  const subtitle = coverSubtitle(cover);
  return (
    <header className="print-sheet print-cover">
      <p className="print-cover-programme">{cover.programme}</p>
      <h1 className="print-cover-title">{cover.title}</h1>
      {subtitle !== null ? <p className="print-cover-subtitle">{subtitle}</p> : null}
      <p className="print-cover-label">{cover.label}</p>
      <p className="print-cover-date">{cover.date}</p>
      <table className="print-cover-details">
        <tbody>
          {coverDetails(doc).map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </header>
  );
}

// The app routes on the hash, so a plain `#anchor` link would leave the print view: on screen
// the contents scroll instead. Printed, the href becomes the PDF's internal link.
function scrollToAnchor(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  event.preventDefault();
  document.getElementById(id)?.scrollIntoView({ block: 'start' });
}

function Contents({ doc }: { doc: ExportDocument }) {
  // Entries in document order: a section, then its level-2 headings. Counting the headings per
  // section gives the same anchors Section gives them.
  const seen = new Map<string, number>();
  const items: Array<{ level: 1 | 2; text: string; id: string; children: ReactNode[] }> = [];
  for (const entry of doc.contents) {
    if (entry.level === 1) {
      items.push({ level: 1, text: entry.text, id: sectionAnchor(entry.sectionId), children: [] });
      continue;
    }
    const n = seen.get(entry.sectionId) ?? 0;
    seen.set(entry.sectionId, n + 1);
    const id = headingAnchor(entry.sectionId, n);
    const link = (
      <li key={id} className="print-contents-heading">
        <a href={`#${id}`} onClick={(e) => scrollToAnchor(e, id)}>
          {entry.text}
        </a>
      </li>
    );
    const parent = items.at(-1);
    if (parent) parent.children.push(link);
  }
  return (
    <nav className="print-sheet print-contents" aria-labelledby="print-contents-title">
      <h2 id="print-contents-title" className="print-contents-title">
        {CONTENTS_TITLE}
      </h2>
      {items.length === 0 ? (
        <p className="print-not-written">{NOTHING_WRITTEN}</p>
      ) : (
        <ol className="print-contents-list">
          {items.map((item) => (
            <li key={item.id} className="print-contents-section">
              <a href={`#${item.id}`} onClick={(e) => scrollToAnchor(e, item.id)}>
                {item.text}
              </a>
              {item.children.length > 0 ? <ol>{item.children}</ol> : null}
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

function Section({ section }: { section: DocumentSection }) {
  const titleId = sectionAnchor(section.id);
  const meta = sectionMeta(section);
  let headingCount = 0;
  const nextHeadingId = () => headingAnchor(section.id, headingCount++);
  return (
    <section className="print-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="print-section-title">
        {section.heading}
      </h2>
      {meta.map((line) => (
        <p key={line} className="print-section-meta">
          {line}
        </p>
      ))}
      {section.guidance.length > 0 ? (
        <aside className="print-guidance" aria-label={`Guidance for ${section.title}`}>
          <p className="print-guidance-title">{GUIDANCE_TITLE}</p>
          {section.guidance.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </aside>
      ) : null}
      {section.empty && !section.criteria ? (
        <p className="print-not-written">{NOT_YET_WRITTEN}</p>
      ) : (
        <>
          {section.fields.length > 0 ? <FieldsTable fields={section.fields} /> : null}
          {section.criteria ? <CriteriaTable criteria={section.criteria} /> : null}
          <Blocks blocks={section.blocks} nextHeadingId={nextHeadingId} />
          {section.coverage ? <CoverageTable coverage={section.coverage} /> : null}
        </>
      )}
    </section>
  );
}

function FieldsTable({ fields }: { fields: readonly FieldRow[] }) {
  return (
    <table className="print-table print-fields">
      <colgroup>
        <col className="print-fields-label" />
        <col />
      </colgroup>
      <tbody>
        {fields.map((field) => (
          <tr key={field.label}>
            <th scope="row">{field.label}</th>
            <td>
              {field.value === null ? (
                <span className="print-not-given">{NOT_GIVEN}</span>
              ) : (
                <MultilineText text={field.value} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CriteriaTable({ criteria }: { criteria: readonly CriterionRow[] }) {
  return (
    <table className="print-table print-criteria">
      <colgroup>
        <col className="print-criteria-number" />
        <col />
        <col className="print-criteria-assessment" />
        <col className="print-criteria-shown" />
        <col className="print-criteria-note" />
      </colgroup>
      <thead>
        <tr>
          {CRITERIA_COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => (
          <tr key={c.number}>
            <td>{c.number}</td>
            <td>{c.text}</td>
            <td>{isAssessmentEmphasised(c) ? <strong>{c.label}</strong> : c.label}</td>
            <td>
              <ShownInList entries={c.shownIn} />
            </td>
            <td>{c.note === null ? null : <MultilineText text={c.note} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CoverageTable({ coverage }: { coverage: CoverageTableData }) {
  return (
    <table className="print-table print-coverage">
      <colgroup>
        <col className="print-coverage-domain" />
        {coverage.stages.map((stage) => (
          <col key={stage} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {[COVERAGE_CORNER, ...coverage.stages].map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {coverage.rows.map((row) => (
          <tr key={row.domain}>
            <th scope="row">{row.domain}</th>
            {row.cells.map((entries, i) => (
              <td key={i} className={entries.length === 0 ? 'print-gap' : undefined}>
                <ShownInList entries={entries} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What shows a criterion or covers a cell, a line each; "Nothing yet" when nothing does. */
function ShownInList({ entries }: { entries: readonly ShownIn[] }) {
  if (entries.length === 0) return <span className="print-not-given">{NOTHING_YET}</span>;
  return (
    <>
      {entries.map((entry, i) => (
        <p key={i}>{shownInText(entry)}</p>
      ))}
    </>
  );
}

function MultilineText({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Rich text

/** `nextHeadingId` is given for a section's own blocks; inside a table cell there is none. */
function Blocks({
  blocks,
  nextHeadingId,
}: {
  blocks: readonly Block[];
  nextHeadingId?: () => string;
}) {
  return <>{blocks.map((block, i) => renderBlock(block, i, nextHeadingId))}</>;
}

function renderBlock(block: Block, key: number, nextHeadingId?: () => string): ReactNode {
  switch (block.kind) {
    case 'heading': {
      // A heading inside a table cell is a bold paragraph, not part of the outline.
      if (!nextHeadingId) {
        return (
          <p key={key}>
            <strong>
              <Inlines runs={block.runs} />
            </strong>
          </p>
        );
      }
      // Outline level 2 is the section's biggest heading: h3 under the section's h2.
      const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 2]!;
      const id = block.level === 2 ? nextHeadingId() : undefined;
      return (
        <Tag key={key} id={id} className={`print-heading print-heading-${block.level}`}>
          <Inlines runs={block.runs} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p
          key={key}
          dir={block.rtl ? 'rtl' : undefined}
          style={block.align ? { textAlign: block.align } : undefined}
        >
          <Inlines runs={block.runs} />
        </p>
      );
    case 'quote':
      return (
        <blockquote key={key}>
          <p>
            <Inlines runs={block.runs} />
          </p>
        </blockquote>
      );
    case 'list':
      return <List key={key} list={block} />;
    case 'table':
      return <Table key={key} table={block} />;
    case 'image':
      return <Picture key={key} image={block} />;
  }
}

/** An image on a line of its own, its caption below, at its chosen width or the text's. */
function Picture({ image }: { image: ImageBlock }) {
  const src = usePrintPicture(image.evidenceId);
  return (
    <figure className="print-figure">
      {src ? (
        <img
          src={src}
          alt={image.altText}
          style={image.width === null ? undefined : { maxWidth: `${image.width}px` }}
        />
      ) : (
        <p className="print-figure-missing">{image.altText || 'Image'}</p>
      )}
      {image.caption ? <figcaption>{image.caption}</figcaption> : null}
    </figure>
  );
}

/** Every evidence item, with a small picture of each image. */
function EvidenceAppendix({ entries }: { entries: readonly EvidenceEntry[] }) {
  return (
    <section className="print-section print-appendix" aria-labelledby="print-evidence-appendix">
      <h2 id="print-evidence-appendix" className="print-section-title">
        {EVIDENCE_APPENDIX_TITLE}
      </h2>
      <ol className="print-evidence">
        {entries.map((entry) => (
          <EvidenceRow key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}

function EvidenceRow({ entry }: { entry: EvidenceEntry }) {
  const src = usePrintPicture(entry.id);
  return (
    <li>
      <p className="print-evidence-name">
        <strong>{entry.fileName}</strong> <span className="print-section-meta">({entry.kind})</span>
      </p>
      {entry.picture && src ? (
        <img className="print-evidence-thumb" src={src} alt={entry.caption || entry.fileName} />
      ) : null}
      {entry.caption ? <p>{entry.caption}</p> : null}
      {entry.date ? <p className="print-section-meta">Date: {entry.date}</p> : null}
      {entry.tags.length > 0 ? (
        <p className="print-section-meta">Tags: {entry.tags.join(', ')}</p>
      ) : null}
    </li>
  );
}

function List({ list }: { list: ListBlock }) {
  const items = list.items.map((item, i) => (
    <li key={i} className={item.checked === undefined ? undefined : 'print-check-item'}>
      {list.style === 'check' ? (
        <span
          className="print-check-box"
          role="img"
          aria-label={item.checked ? 'Done' : 'Not done'}
        >
          {item.checked ? CHECK_BOXES.done : CHECK_BOXES.open}
        </span>
      ) : null}
      <Inlines runs={item.runs} />
      {item.lists.map((nested, j) => (
        <List key={j} list={nested} />
      ))}
    </li>
  ));
  if (list.style === 'number') {
    return (
      <ol start={list.start === 1 ? undefined : list.start} className="print-list">
        {items}
      </ol>
    );
  }
  return (
    <ul className={list.style === 'check' ? 'print-list print-checklist' : 'print-list'}>
      {items}
    </ul>
  );
}

function Table({ table }: { table: TableBlock }) {
  // Header rows are only ever at the top; in <thead> Chromium repeats them on every page.
  const firstBody = table.rows.findIndex((row) => !row.header);
  const split = firstBody === -1 ? table.rows.length : firstBody;
  const head = table.rows.slice(0, split);
  const body = table.rows.slice(split);
  const wide = isWideTable(table);
  return (
    <div className="print-table-wrap">
      <table
        className={
          wide ? 'print-table print-content-table wide' : 'print-table print-content-table'
        }
      >
        <colgroup>
          {Array.from({ length: table.columns }, (_, i) => (
            <col key={i} />
          ))}
        </colgroup>
        {head.length > 0 ? (
          <thead>
            {head.map((row, r) => (
              <tr key={r}>{row.cells.map((cell, c) => renderCell(cell, c, 'col'))}</tr>
            ))}
          </thead>
        ) : null}
        {body.length > 0 ? (
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>{row.cells.map((cell, c) => renderCell(cell, c, 'row'))}</tr>
            ))}
          </tbody>
        ) : null}
      </table>
    </div>
  );
}

function renderCell(cell: TableCell, key: number, headerScope: 'col' | 'row'): ReactNode {
  const span = {
    colSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
  };
  const content = <Blocks blocks={cell.blocks} />;
  return cell.header ? (
    <th key={key} scope={headerScope} {...span}>
      {content}
    </th>
  ) : (
    <td key={key} {...span}>
      {content}
    </td>
  );
}

function Inlines({ runs }: { runs: readonly Inline[] }) {
  return <>{runs.map((run, i) => renderInline(run, i))}</>;
}

function renderInline(run: Inline, key: number): ReactNode {
  switch (run.kind) {
    case 'text':
      return <Text key={key} run={run} />;
    case 'break':
      return <br key={key} />;
    case 'tab':
      return (
        <span key={key} className="print-tab">
          {'\t'}
        </span>
      );
    case 'link':
      return (
        // Only https: and mailto: reach here (the document model drops any other scheme).
        <a key={key} href={run.href} target="_blank" rel="noopener noreferrer">
          <Inlines runs={run.runs} />
        </a>
      );
  }
}

function Text({ run }: { run: TextRun }) {
  let node: ReactNode = run.text;
  if (run.code) node = <code>{node}</code>;
  if (run.subscript) node = <sub>{node}</sub>;
  if (run.superscript) node = <sup>{node}</sup>;
  if (run.strikethrough) node = <s>{node}</s>;
  if (run.underline) node = <u>{node}</u>;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  return <>{node}</>;
}
