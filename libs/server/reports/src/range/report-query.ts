import { MAX_REPORT_RANGE_DAYS, REPORT_GROUP_BY, type ReportGroupBy } from '@campaign-desk/contracts';
import { fieldError } from '@campaign-desk/server-core';

/** An inclusive range of London calendar dates, both `YYYY-MM-DD`. */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

function isoDate(query: Record<string, unknown>, field: 'from' | 'to'): string {
  const raw = query[field];
  if (raw === undefined || raw === '')
    throw fieldError(field, 'is required (an ISO date such as 2026-01-31): reports need a bounded range');
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw))
    throw fieldError(field, 'must be an ISO date (YYYY-MM-DD)');
  const parsed = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== raw)
    throw fieldError(field, 'is not a calendar date');
  return raw;
}

/** Rejects query parameters a report does not take, naming them. */
export function onlyParams(query: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
  if (unknown.length) throw fieldError(unknown[0], 'is not a parameter of this report');
}

/** `from` and `to`: both required, `from <= to`, at most MAX_REPORT_RANGE_DAYS apart; 400 naming the field otherwise. */
export function parseDateRange(query: Record<string, unknown>): DateRange {
  const from = isoDate(query, 'from');
  const to = isoDate(query, 'to');
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days < 0) throw fieldError('to', 'must not be before from');
  if (days + 1 > MAX_REPORT_RANGE_DAYS) throw fieldError('to', `must be within ${MAX_REPORT_RANGE_DAYS} days of from`);
  return { from, to };
}

/** `groupBy`, `mp` when absent. */
export function parseGroupBy(query: Record<string, unknown>): ReportGroupBy {
  const raw = query['groupBy'];
  if (raw === undefined || raw === '') return 'mp';
  if (typeof raw !== 'string' || !(REPORT_GROUP_BY as readonly string[]).includes(raw))
    throw fieldError('groupBy', `must be one of ${REPORT_GROUP_BY.join(', ')}`);
  return raw as ReportGroupBy;
}
