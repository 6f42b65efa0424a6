import { BadRequestException } from '@nestjs/common';
import { londonTime } from '@campaign-desk/server-core';

/** A 400 naming the field at fault (`fields: { startsAt: 'is in the past…' }`). */
export const bad = (field: string, detail: string) =>
  new BadRequestException({ message: `${field} ${detail}`, fields: { [field]: detail } });

/**
 * A date (`2026-11-23`, read as London midnight) or date-time from a request, not in the future
 * (a minute's grace for clock drift between browser and server).
 */
export function pastInstant(raw: string, field: string, now: Date): Date {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? londonTime(raw) : new Date(raw);
  if (Number.isNaN(instant.getTime())) throw bad(field, 'must be an ISO 8601 date or date-time');
  if (instant.getTime() > now.getTime() + 60_000) throw bad(field, 'must not be in the future');
  return instant;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
