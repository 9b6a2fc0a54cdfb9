import { describe, expect, it } from 'vitest';
import { cssString, pageStyle } from '../../../../renderer/src/app/print/print-page-style';

describe('print page style', () => {
  it('sets A4, the margins, the running header and "Page X of Y"', () => {
    const css = pageStyle({ headerLeft: 'Siân O’Connor', headerRight: 'Interim 1' });
    expect(css).toMatch(/@page \{\s+size: A4;\s+margin: 20mm 18mm 22mm;/);
    expect(css).toContain('@top-left { content: "Siân O’Connor";');
    expect(css).toContain('@top-right { content: "Interim 1";');
    expect(css).toContain('@bottom-center { content: "Page " counter(page) " of " counter(pages);');
    // The cover has no running header, as in the Word export.
    expect(css).toMatch(/@page :first \{\s+@top-left \{ content: none; \}/);
  });

  it('keeps typed text inside its CSS string, whatever it holds', () => {
    expect(cssString('Jane "JJ" Smith')).toBe('"Jane \\22 JJ\\22  Smith"');
    expect(cssString('a\\b')).toBe('"a\\5c b"');
    const hostile = cssString('x"; } body { display: none } </style><script>alert(1)</script>\n');
    expect(hostile).not.toMatch(/[<>{}\n]/);
    expect(hostile.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
    // Letters of any script stay as they are.
    expect(cssString('محمد · 🎉 · ½')).toBe('"محمد · 🎉 · ½"');
  });
});
