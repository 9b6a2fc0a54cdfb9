// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  exportableLinkUrl,
  isAllowedLinkUrl,
  normalizeLinkInput,
  safeLinkUrl,
} from '../../../shared/link-url';

describe('isAllowedLinkUrl', () => {
  it.each([
    'https://www.ncetm.org.uk/',
    'https://example.org/path?q=1#part',
    'HTTPS://EXAMPLE.ORG',
    'mailto:head@school.example',
    'mailto:head@school.example?subject=AED',
  ])('accepts %s', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///C:/Users/teacher/secret.docx',
    'http://example.org',
    'ftp://example.org',
    'https://',
    'mailto:',
    '//example.org',
    '/relative/path',
    'example.org',
    '',
    ' https://example.org',
  ])('refuses %j', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(false);
  });
});

describe('normalizeLinkInput (the link form)', () => {
  it('adds https:// to a bare web address and mailto: to an email address', () => {
    expect(normalizeLinkInput('www.ncetm.org.uk')).toBe('https://www.ncetm.org.uk/');
    expect(normalizeLinkInput('  head@school.example ')).toBe('mailto:head@school.example');
    expect(normalizeLinkInput(' https://example.org/a ')).toBe('https://example.org/a');
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,x',
    'http://example.org',
    'file:///etc/passwd',
    'not a link',
    '',
  ])('refuses %j', (input) => {
    expect(normalizeLinkInput(input)).toBeNull();
  });
});

describe('safeLinkUrl (what leaves the app: exports, the system browser and mail client)', () => {
  it('keeps a mailto: address with its subject and body only', () => {
    expect(
      safeLinkUrl('mailto:lead@hub.example?subject=AED%20draft&body=Hello&attach=/etc/passwd'),
    ).toBe('mailto:lead@hub.example?subject=AED%20draft&body=Hello');
    expect(safeLinkUrl('mailto:lead@hub.example?cc=someone@else.example&bcc=x@y.example')).toBe(
      'mailto:lead@hub.example',
    );
    expect(safeLinkUrl('mailto:lead@hub.example')).toBe('mailto:lead@hub.example');
  });

  it('refuses a mailto: that is nothing but smuggled parameters', () => {
    expect(safeLinkUrl('mailto:?attach=/etc/passwd')).toBeNull();
    expect(safeLinkUrl('mailto:?subject=Hi')).toBe('mailto:?subject=Hi');
  });

  it('passes https: links as parsed and refuses what isAllowedLinkUrl refuses', () => {
    expect(safeLinkUrl('https://www.ncetm.org.uk/a?b=1')).toBe('https://www.ncetm.org.uk/a?b=1');
    expect(safeLinkUrl('https://example.org')).toBe('https://example.org');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('file:///etc/passwd')).toBeNull();
  });

  it('is what the link form and the exporters use', () => {
    expect(normalizeLinkInput('mailto:a@b.example?attach=C:\\secret.docx')).toBe(
      'mailto:a@b.example',
    );
    expect(exportableLinkUrl('mailto:a@b.example?attach=/etc/passwd&subject=x')).toBe(
      'mailto:a@b.example?subject=x',
    );
  });
});
