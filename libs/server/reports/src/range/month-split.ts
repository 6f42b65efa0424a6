import type { DateRange } from './report-query';

/** A range as whole months (read from the monthly cells) and the part-months at its ends (read from the facts). */
export interface MonthSplit {
  /** First day of the first whole month, first day after the last one; null when the range holds no whole month. */
  months: { from: string; toExclusive: string } | null;
  /** Up to two inclusive date ranges not covered by `months`. */
  edges: DateRange[];
}

const firstOfMonth = (date: string) => `${date.slice(0, 8)}01`;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const previousDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function nextMonth(first: string): string {
  const [y, m] = first.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

export function splitByMonth(range: DateRange): MonthSplit {
  const start = range.from.endsWith('-01') ? range.from : nextMonth(firstOfMonth(range.from));
  const end = firstOfMonth(nextDay(range.to));
  if (start >= end) return { months: null, edges: [range] };
  const edges: DateRange[] = [];
  if (range.from < start) edges.push({ from: range.from, to: previousDay(start) });
  if (end <= range.to) edges.push({ from: end, to: range.to });
  return { months: { from: start, toExclusive: end }, edges };
}
