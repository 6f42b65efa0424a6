/**
 * One calendar month after `received` (the ICO's deadline for a subject access answer): the same day of the
 * next month, or that month's last day when it has no such day (31 January → 28 or 29 February), at the same
 * time of day.
 */
export function oneCalendarMonthAfter(received: Date): Date {
  const year = received.getUTCFullYear();
  const month = received.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const due = new Date(received);
  due.setUTCDate(1);
  due.setUTCMonth(month % 12);
  if (month === 12) due.setUTCFullYear(year + 1);
  due.setUTCDate(Math.min(received.getUTCDate(), lastDay));
  return due;
}
