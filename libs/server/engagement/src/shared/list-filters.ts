import { BadRequestException } from '@nestjs/common';
import { UUID } from '@campaign-desk/server-core';

/** Reading one field of a list's `filter={...}`: a value or an array of them, each checked; a 400 names the field. */
export const filterError = (key: string, detail: string) =>
  new BadRequestException({ message: `filter ${key} ${detail}`, fields: { filter: `${key} ${detail}` } });

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

export function uuidsFilter(filter: Record<string, unknown>, key: string): string[] | undefined {
  if (filter[key] === undefined) return undefined;
  const values = asList(filter[key]);
  if (!values.every((v) => typeof v === 'string' && UUID.test(v))) throw filterError(key, 'must be uuids');
  return values as string[];
}

export function mpIdsFilter(filter: Record<string, unknown>, key = 'mpId'): number[] | undefined {
  if (filter[key] === undefined) return undefined;
  const values = asList(filter[key]).map(Number);
  if (!values.every((v) => Number.isInteger(v) && v > 0)) throw filterError(key, 'must be MP ids');
  return values;
}

export function enumFilter<T extends string>(
  filter: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
): T[] | undefined {
  if (filter[key] === undefined) return undefined;
  const values = asList(filter[key]);
  if (!values.every((v) => allowed.includes(v as T))) throw filterError(key, `must be one of ${allowed.join(', ')}`);
  return values as T[];
}

/** An inclusive ISO date bound (`2026-11-01`). */
export function dateFilter(filter: Record<string, unknown>, key: string): string | undefined {
  const value = filter[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw filterError(key, 'must be a date like 2026-11-01');
  return value;
}
