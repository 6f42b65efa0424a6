/**
 * The strict policy put inside the sandboxed frame's srcdoc. A srcdoc frame also inherits the
 * dashboard's own policy, which allows no remote images: with images chosen, the frame loads the
 * server's document URL instead, which carries the same policy (plus https images) as a header.
 */
export const FRAME_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The server's message document with the CSP meta as the first element of its head, before any email content. */
export function withCspMeta(document: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(document);
  if (head) return document.slice(0, head.index + head[0].length) + meta + document.slice(head.index + head[0].length);
  return `<!doctype html><html><head>${meta}</head><body>${document}</body></html>`;
}
