import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Checks `Authorization: Bearer <token>` in constant time. Both sides are hashed first so the
 * comparison does not leak the token's length either. An unset expected token matches nothing.
 */
export function bearerMatches(authorization: string | undefined, expected: string | undefined): boolean {
  if (!expected) return false;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const presented = createHash('sha256')
    .update(match ? match[1] : '')
    .digest();
  const wanted = createHash('sha256').update(expected).digest();
  return timingSafeEqual(presented, wanted) && match !== null;
}
