import { isEvidenceUrl } from './evidence-url';

describe('isEvidenceUrl', () => {
  it.each([
    'https://hansard.parliament.uk/commons/2026-11-20/debates/abc',
    'http://example.org/letter.pdf',
    'HTTPS://questions-statements.parliament.uk/written-questions/detail/2026-11-20/12345',
  ])('accepts %s', (url) => {
    expect(isEvidenceUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    'ftp://example.org/a',
    'file:///etc/passwd',
    'hansard.parliament.uk/commons',
    '//example.org/a',
    'https://',
    'https://exa mple.org',
    ' https://example.org',
  ])('refuses %s', (url) => {
    expect(isEvidenceUrl(url)).toBe(false);
  });
});
