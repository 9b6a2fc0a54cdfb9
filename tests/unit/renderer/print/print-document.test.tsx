import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import type { ExportOptions } from '../../../../shared/export/document-model';
import { strFromU8, unzipSync } from 'fflate';
import { renderDocx } from '../../../../shared/export/docx';
import {
  CRITERIA_COLUMNS,
  NOT_YET_WRITTEN,
  coverDetails,
  sectionMeta,
} from '../../../../shared/export/presentation';
import { PrintDocument } from '../../../../renderer/src/app/print/PrintDocument';
import {
  exportFixture,
  PEOPLE,
  SYMBOLS,
  WIDE_TABLE_HEADERS,
} from '../../../fixtures/export/aed-fixture';
import { deepListDocument, items } from '../../../fixtures/export/deep-list';

const fixture = exportFixture();
const ALL: ExportOptions = {
  includeGuidance: true,
  includeWordCounts: true,
  omitEmptySections: false,
};

/** The print document's HTML, as a DOM to query. */
function render(options: ExportOptions = ALL) {
  const doc = buildDocument({
    ...fixture,
    submission: { label: 'Final', date: new Date(2026, 5, 1) },
    options,
  });
  const { document } = new JSDOM(renderToStaticMarkup(<PrintDocument doc={doc} />)).window;
  const section = (id: string) => document.getElementById(`print-section-${id}`)!.parentElement!;
  return { doc, document, section };
}

describe('PrintDocument', () => {
  it('has a cover, a contents page linking to every section, and numbered sections in order', () => {
    const { doc, document: dom } = render();
    const cover = dom.querySelector('.print-cover')!;
    for (const value of [
      PEOPLE.participant,
      PEOPLE.school,
      PEOPLE.mathsHub,
      PEOPLE.cohortLead,
      'Final',
      '1 June 2026',
    ]) {
      expect(cover.textContent).toContain(value);
    }
    const links = [...dom.querySelectorAll<HTMLAnchorElement>('.print-contents a')];
    expect(links.length).toBe(doc.contents.length);
    for (const link of links) {
      const target = dom.getElementById(link.getAttribute('href')!.slice(1));
      expect(target, link.href).not.toBeNull();
      expect(target!.textContent).toBe(link.textContent);
    }
    const titles = [...dom.querySelectorAll('.print-section > h2')].map((h) => h.textContent);
    expect(titles).toEqual(doc.sections.map((s) => s.heading));
    expect(titles[0]).toBe('1. About you');
  });

  it('renders rich text as semantic HTML', () => {
    const { section } = render();
    const explore = section('explore');
    expect(explore.querySelector('h3')?.textContent).toBe('What the data showed');
    expect(explore.querySelector('h4')?.textContent).toBe('Research and the programme’s models');
    for (const tag of ['strong', 'em', 'u', 's', 'sup', 'sub']) {
      expect(explore.querySelector(tag), tag).not.toBeNull();
    }
    for (const symbol of SYMBOLS) expect(explore.textContent).toContain(symbol);
    expect(explore.textContent).toContain('🎉');
    const hrefs = [...explore.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.every((h) => h!.startsWith('https:') || h!.startsWith('mailto:'))).toBe(true);
    expect(explore.textContent).toContain('this unsafe link');
    expect(explore.querySelector('br')).not.toBeNull();

    const prepare = section('prepare');
    expect(prepare.querySelector('ol li ul li ol li')?.textContent).toBe('Deep item');
    expect(prepare.querySelector('ol[start="5"]')).not.toBeNull();
    expect(prepare.querySelector('.print-checklist')?.textContent).toContain('☒Headteacher agreed');

    const deliver = section('deliver');
    expect(deliver.querySelector('blockquote')?.textContent).toContain('7 times table');
    const wide = deliver.querySelector('table.wide')!;
    expect([...wide.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      ...WIDE_TABLE_HEADERS,
    ]);
    expect(wide.querySelectorAll('col')).toHaveLength(8);
  });

  it('shows fields, domains, criteria, guidance, word counts and "Not yet written"', () => {
    const { section } = render();
    expect(section('school').querySelector('.print-fields')?.textContent).toContain('1,234');
    expect(section('initiative').textContent).toContain('Domains: ');
    expect(section('explore').textContent).toMatch(/Word count: \d+ of about/);
    expect(section('explore').querySelector('.print-guidance')).not.toBeNull();
    expect(section('sustain').textContent).toContain('Not yet written.');
    const criteria = section('criteria').querySelector('.print-criteria')!;
    expect(criteria.querySelector('thead')?.textContent).toBe(
      '#CriterionSelf-assessmentShown inNote',
    );
    expect(criteria.textContent).toContain('Met');
    expect(section('evaluation').querySelector('td[colspan="2"]')).not.toBeNull();
  });

  it('leaves guidance and empty sections out when asked', () => {
    const { document: dom } = render({
      includeGuidance: false,
      includeWordCounts: false,
      omitEmptySections: true,
    });
    expect(dom.querySelector('.print-guidance')).toBeNull();
    expect(dom.querySelector('#print-section-sustain')).toBeNull();
    expect(dom.body.textContent).not.toContain('Word count');
  });

  it('says what the Word file says: one presentation for both', async () => {
    const { doc, document: dom } = render();
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    const word = xml.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
    const print = dom.body.textContent;
    const lines = [
      ...coverDetails(doc).flat(),
      ...doc.sections.flatMap(sectionMeta),
      ...CRITERIA_COLUMNS,
      NOT_YET_WRITTEN,
    ];
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      expect(print, line).toContain(line);
      expect(word, line).toContain(line);
    }
  });
});

describe('PrintDocument: a list nested 100 deep', () => {
  it('shows every item, in order, indented at most nine lists deep', () => {
    const html = renderToStaticMarkup(<PrintDocument doc={deepListDocument(100)} />);
    const { document: dom } = new JSDOM(html).window;
    const section = dom.getElementById('print-section-explore')!.parentElement!;
    const listItems = [...section.querySelectorAll('li')];
    const ownText = (item: Element) =>
      [...item.childNodes]
        .filter((n) => n.nodeName !== 'UL' && n.nodeName !== 'OL')
        .map((n) => n.textContent)
        .join('');
    expect(listItems.map(ownText)).toEqual(items(100));
    const depth = (item: Element) => {
      let lists = 0;
      for (let el: Element | null = item; el && el !== section; el = el.parentElement) {
        if (el.localName === 'ul' || el.localName === 'ol') lists++;
      }
      return lists;
    };
    expect(Math.max(...listItems.map(depth))).toBe(9);
    expect(section.textContent).toContain('After the list.');
  });
});
