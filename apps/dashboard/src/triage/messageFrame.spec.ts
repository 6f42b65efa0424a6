import { FRAME_CSP, withCspMeta } from './messageFrame';

describe('withCspMeta', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`;

  it('puts the policy first in the head, before the email content', () => {
    const doc =
      '<!doctype html><html><head><meta charset="utf-8"><style>p{}</style></head><body><p>hi</p></body></html>';
    const out = withCspMeta(doc);
    expect(out).toBe(
      `<!doctype html><html><head>${meta}<meta charset="utf-8"><style>p{}</style></head><body><p>hi</p></body></html>`,
    );
  });

  it('wraps a fragment without a head in a document that starts with the policy', () => {
    expect(withCspMeta('<p>hi</p>')).toBe(`<!doctype html><html><head>${meta}</head><body><p>hi</p></body></html>`);
  });

  it('allows no script, connection or remote image', () => {
    expect(FRAME_CSP).toContain("default-src 'none'");
    expect(FRAME_CSP).not.toMatch(/script-src|connect-src|https:|http:/);
  });
});
