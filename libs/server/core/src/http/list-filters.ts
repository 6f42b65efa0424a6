import { BadRequestException } from '@nestjs/common';
import { UUID } from './uuid';

/**
 * Reading one field of a list's `filter={...}` (after `parseListQuery` has whitelisted the keys): a value or a
 * list of values, each checked. A bad value is a 400 naming the field and never echoing the value.
 */
export type ListFilter = Partial<Record<string, unknown>>;

export const filterError = (key: string, detail: string) =>
  new BadRequestException({ message: `filter ${key} ${detail}`, fields: { filter: `${key} ${detail}` } });

const absent = (value: unknown) => value === undefined || value === null;

function valuesOf(filter: ListFilter, key: string): unknown[] {
  const value = filter[key];
  const values = Array.isArray(value) ? value : [value];
  if (!values.length) throw filterError(key, 'must not be an empty list');
  return values;
}

export function uuidsFilter(filter: ListFilter, key: string): string[] | undefined {
  if (absent(filter[key])) return undefined;
  const values = valuesOf(filter, key);
  if (!values.every((v) => typeof v === 'string' && UUID.test(v))) throw filterError(key, 'must be uuids');
  return values as string[];
}

export function enumFilter<T extends string>(filter: ListFilter, key: string, allowed: readonly T[]): T[] | undefined {
  if (absent(filter[key])) return undefined;
  const values = valuesOf(filter, key);
  if (!values.every((v) => allowed.includes(v as T))) throw filterError(key, `must be one of ${allowed.join(', ')}`);
  return values as T[];
}

/** Positive whole numbers (MP member ids and the like); `noun` says what they are in the error. */
export function positiveIntegersFilter(filter: ListFilter, key: string, noun: string): number[] | undefined {
  if (absent(filter[key])) return undefined;
  const values = valuesOf(filter, key).map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v));
  if (!values.every((v) => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2 ** 31))
    throw filterError(key, `must be ${noun}`);
  return values as number[];
}

/** Free text up to 200 characters, trimmed; empty means no filter. */
export function textFilter(filter: ListFilter, key: string): string | undefined {
  const value = filter[key];
  if (absent(value) || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 200) throw filterError(key, 'must be text of at most 200 characters');
  return value.trim() || undefined;
}

/** Texts, each optionally matching `pattern` (described by `hint` in the error). */
export function textsFilter(filter: ListFilter, key: string, pattern?: RegExp, hint = 'text'): string[] | undefined {
  if (absent(filter[key])) return undefined;
  const values = valuesOf(filter, key);
  if (!values.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200 && (!pattern || pattern.test(v))))
    throw filterError(key, `must be ${hint} or a list of them`);
  return values as string[];
}

export function flagFilter(filter: ListFilter, key: string): boolean | undefined {
  const value = filter[key];
  if (absent(value)) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw filterError(key, 'must be true or false');
}

/** An inclusive ISO date bound (`2026-11-01`). */
export function dateFilter(filter: ListFilter, key: string): string | undefined {
  const value = filter[key];
  if (absent(value)) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw filterError(key, 'must be a date like 2026-11-01');
  return value;
}

/** An ISO 8601 date-time bound. */
export function instantFilter(filter: ListFilter, key: string): Date | undefined {
  const value = filter[key];
  if (absent(value)) return undefined;
  const parsed = typeof value === 'string' && value.length <= 40 ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw filterError(key, 'must be an ISO 8601 date-time');
  return parsed;
}
