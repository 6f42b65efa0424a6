import { MAX_REPORT_RANGE_DAYS, type ReportRangeQuery } from '@campaign-desk/contracts';
import { londonToday } from '../shared/time';

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The twelve months ending today, both ends inclusive (2025-11-25 to 2026-11-24). */
export function lastTwelveMonths(today: string = londonToday()): ReportRangeQuery {
  const [year, month, day] = today.split('-').map(Number);
  const yearAgo = new Date(Date.UTC(year - 1, month - 1, day));
  // 29 February a year on is 1 March; either way the range starts the day after.
  return { from: addDays(yearAgo.toISOString().slice(0, 10), 1), to: today };
}

const isCalendarDate = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

export type RangeProblem = { field: 'from' | 'to'; key: 'required' | 'inverted' | 'tooLong' };

/** What the server would refuse with a 400, found before asking it: missing dates, `to` before `from`, too long a range. */
export function rangeProblem(range: ReportRangeQuery): RangeProblem | null {
  for (const field of ['from', 'to'] as const) {
    if (!isCalendarDate(range[field])) return { field, key: 'required' };
  }
  const days = (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS;
  if (days < 0) return { field: 'to', key: 'inverted' };
  if (days + 1 > MAX_REPORT_RANGE_DAYS) return { field: 'to', key: 'tooLong' };
  return null;
}
