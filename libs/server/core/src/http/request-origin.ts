import type { NextFunction, Request, Response } from 'express';

/** Methods that change something: the ones a forged cross-site request is dangerous with. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const REFUSED = 'Cross-site request refused: state-changing requests must come from this site';

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase() || undefined;
  } catch {
    return undefined; // anything malformed
  }
}

/**
 * Why a state-changing request looks forged, or undefined when it may go ahead. A browser names the page
 * that sent it in `Origin`: it must be `publicOrigin` (PUBLIC_URL's) or the request's own Host. Where it
 * says `null` instead (a form posted from a page with `Referrer-Policy: no-referrer`, like the check-in
 * page; a sandboxed frame) or sends none, `Sec-Fetch-Site` decides: `same-origin` or `none` go ahead.
 * A request with neither header is not from a browser (curl, a mail provider's webhook, supertest) and
 * cannot carry a victim's cookie, so it is let through; an opaque `null` Origin alone is not.
 */
export function crossSiteRefusal(
  headers: { origin?: string; 'sec-fetch-site'?: string | string[]; host?: string },
  publicOrigin: string,
): string | undefined {
  const { origin } = headers;
  if (origin !== undefined && origin !== 'null') {
    if (origin === publicOrigin) return undefined;
    const host = hostOf(origin);
    if (host !== undefined && host === headers.host?.toLowerCase()) return undefined;
    return `${REFUSED} (its Origin is not ${publicOrigin})`;
  }
  const site = headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return undefined;
  if (site !== undefined) return `${REFUSED} (Sec-Fetch-Site: ${String(site)})`;
  if (origin === 'null') return `${REFUSED} (its Origin is null)`;
  return undefined;
}

/**
 * Express middleware for every route (API, check-in page, queue board): a state-changing request whose
 * `Origin` or `Sec-Fetch-Site` says another site sent it answers 403, before any body is read.
 * SameSite=Strict alone does not stop a page on another port of the same host.
 */
export function rejectCrossSiteRequests(publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!STATE_CHANGING_METHODS.has(req.method)) return next();
    const refusal = crossSiteRefusal(req.headers, publicOrigin);
    if (refusal === undefined) return next();
    res.status(403).json({ statusCode: 403, error: 'Forbidden', message: refusal });
  };
}
