import { createHmac, timingSafeEqual } from 'node:crypto';
import { UUID } from '@campaign-desk/server-core';

/**
 * The check-in link token: `<payload>.<signature>`, both base64url. The payload names the
 * check-in (or reminder) email and when the link stops working; the HMAC-SHA256 signature means
 * nobody can make or alter one without the secret. Single use is enforced by the database
 * (one answer per email and per MP contact), not by the token.
 */
export interface CheckinClaims {
  scheduledEmailId: string;
  expiresAt: Date;
}

export type TokenProblem = 'malformed' | 'bad_signature' | 'expired';

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`checkin.v1.${payload}`).digest('base64url');
}

export function createCheckinToken(secret: string, claims: CheckinClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ e: claims.scheduledEmailId, x: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyCheckinToken(
  secret: string,
  token: string,
  now: Date,
): { ok: true; claims: CheckinClaims } | { ok: false; problem: TokenProblem } {
  if (typeof token !== 'string' || token.length > 400 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token))
    return { ok: false, problem: 'malformed' };
  const [payload, signature] = token.split('.');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, problem: 'bad_signature' };
  let parsed: { e?: unknown; x?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (typeof parsed.e !== 'string' || !UUID.test(parsed.e) || typeof parsed.x !== 'number')
    return { ok: false, problem: 'malformed' };
  const expiresAt = new Date(parsed.x * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, claims: { scheduledEmailId: parsed.e, expiresAt } };
}
