import { REMOTE_IMAGE_CLASS, restoreRemoteImages } from '../mime/sanitise-html';

/**
 * The sanitised email as a standalone document for the dashboard's sandboxed iframe, with its own
 * CSP: no scripts, no network except (when asked) https images, sandboxed into an opaque origin.
 */
export function messageCsp(loadImages: boolean): string {
  return [
    `default-src 'none'`,
    loadImages ? `img-src data: https:` : null,
    `style-src 'unsafe-inline'`,
    `frame-ancestors 'self'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `sandbox allow-popups allow-popups-to-escape-sandbox`,
  ]
    .filter(Boolean)
    .join('; ');
}

const STYLE = `
  body { font: 14px/1.5 system-ui, sans-serif; margin: 12px; color: #222; overflow-wrap: anywhere; }
  img.${REMOTE_IMAGE_CLASS}:not([src]) { display: inline-block; min-width: 24px; min-height: 16px; background: #eee; border: 1px dashed #aaa; }
  pre { white-space: pre-wrap; font: inherit; margin: 0; }
  details { margin-top: 1em; color: #555; }
  summary { cursor: pointer; }
`;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Wraps sanitised HTML, or the plain text with its quoted history folded, in a full document. */
export function messageDocument(
  body: { html: string | null; text: string; quotedText: string },
  loadImages: boolean,
): string {
  let content: string;
  if (body.html !== null) {
    content = loadImages ? restoreRemoteImages(body.html) : body.html;
  } else {
    const quoted = body.quotedText
      ? `<details><summary>Quoted history</summary><pre>${escapeHtml(body.quotedText)}</pre></details>`
      : '';
    content = `<pre>${escapeHtml(body.text)}</pre>${quoted}`;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>${STYLE}</style></head><body>${content}</body></html>`;
}
