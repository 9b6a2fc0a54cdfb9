// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl, normalizeLinkInput } from '../../../shared/link-url';

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
