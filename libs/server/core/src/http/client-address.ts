import type { NextFunction, Request, Response } from 'express';
import { isIP } from 'node:net';

/**
 * Express middleware: when a trusted proxy's `X-Forwarded-For` makes the client address something other than an IP
 * address (`req.ip` is then its last untrusted entry, verbatim), the header is ignored and the socket's address
 * stands in, before the address reaches the sign-in rate limiter, the sessions or the audit log (an `inet` column).
 * Without `TRUST_PROXY` Express never reads the header, so it cannot matter.
 */
export function ignoreInvalidClientAddress(req: Request, _res: Response, next: NextFunction): void {
  if (req.ip !== undefined && !isIP(req.ip)) {
    Object.defineProperty(req, 'ip', { value: req.socket.remoteAddress, configurable: true, enumerable: true });
  }
  next();
}
