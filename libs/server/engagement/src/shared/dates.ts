import { fieldError, londonTime } from '@campaign-desk/server-core';

/**
 * A date (`2026-11-23`, read as London midnight) or date-time from a request, not in the future
 * (a minute's grace for clock drift between browser and server).
 */
export function pastInstant(raw: string, field: string, now: Date): Date {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? londonTime(raw) : new Date(raw);
  if (Number.isNaN(instant.getTime())) throw fieldError(field, 'must be an ISO 8601 date or date-time');
  if (instant.getTime() > now.getTime() + 60_000) throw fieldError(field, 'must not be in the future');
  return instant;
}
