import { memo } from 'react';
import type { Template } from '../../../../shared/template';
import { formatWords } from '../format';
import { draftHref } from '../route';
import type { LiveWords } from '../session/live-words';
import { useLiveWords } from '../use-live-words';

/** The draft's sections, with their word counts as they change. */
export const SectionsNav = memo(function SectionsNav({
  draftId,
  template,
  sectionId,
  words,
}: {
  draftId: string;
  template: Template;
  sectionId: string;
  words: LiveWords;
}) {
  useLiveWords(words);
  return (
    <nav aria-label="Sections" className="sections-nav">
      <ol>
        {template.sections.map((s, i) => (
          <li key={s.id} className={s.id === sectionId ? 'current' : undefined}>
            <span className="section-number" aria-hidden="true">
              {i + 1}
            </span>
            <a
              href={draftHref(draftId, s.id)}
              aria-current={s.id === sectionId ? 'page' : undefined}
            >
              {s.title}
            </a>
            {s.richText ? <span className="nav-words">{formatWords(words.get(s.id))}</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
});

/** The draft's total, re-rendered alone as counts change. */
export function TotalWords({ words }: { words: LiveWords }) {
  useLiveWords(words);
  return <p className="total-words">{formatWords(words.total())} in all</p>;
}
