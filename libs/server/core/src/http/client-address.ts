import type { NextFunction, Request, Response } from 'express';
import { isIP } from 'node:net';

const PROBLEM = 'must be a list of IP addresses';

/**
 * Express middleware: when a trusted proxy's `X-Forwarded-For` makes the client address something other than an IP
 * address (`req.ip` is then its last untrusted entry, verbatim), answer 400 naming the header, before the address
 * reaches the sign-in rate limiter, the sessions or the audit log (an `inet` column).
 */
export function rejectInvalidClientAddress(req: Request, res: Response, next: NextFunction): void {
  if (req.ip === undefined || isIP(req.ip)) return next();
  res.status(400).json({
    statusCode: 400,
    error: 'Bad Request',
    message: `X-Forwarded-For ${PROBLEM}`,
    fields: { 'X-Forwarded-For': PROBLEM },
  });
}
