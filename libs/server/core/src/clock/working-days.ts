import Holidays from 'date-holidays';

/**
 * Working-day arithmetic in Europe/London. Dates are London calendar dates as `YYYY-MM-DD`
 * strings; instants are Dates. Converting between them goes through the London offset of that
 * day, so results stay right across the clock changes (GMT in winter, BST in summer).
 */

export const LONDON = 'Europe/London';

/** Whose bank holidays apply: England and Wales share one list; Scotland and Northern Ireland have their own. */
export type HolidayRegion = 'england_wales' | 'scotland' | 'northern_ireland';

const REGION_STATE: Record<HolidayRegion, string> = { england_wales: 'ENG', scotland: 'SCT', northern_ireland: 'NIR' };

/** England, Wales or unknown: England and Wales bank holidays. */
export function holidayRegionForNation(nation: string | null | undefined): HolidayRegion {
  if (nation === 'Scotland') return 'scotland';
  if (nation === 'Northern Ireland') return 'northern_ireland';
  return 'england_wales';
}

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const londonTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The London calendar date of an instant. */
export function londonDate(instant: Date): string {
  return londonDateFormat.format(instant);
}

/** London wall-clock parts of an instant. */
export function londonParts(instant: Date): { date: string; hour: number; minute: number } {
  const parts = Object.fromEntries(londonTimeFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** The instant a London wall-clock time happens (times inside the spring gap move forward an hour). */
export function londonTime(date: string, hour = 0, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number);
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  // London is UTC+0 or UTC+1: one of the two readings is the wall-clock time asked for.
  for (const offsetHours of [1, 0]) {
    const candidate = new Date(naive - offsetHours * 3_600_000);
    const parts = londonParts(candidate);
    if (parts.date === date && parts.hour === hour && parts.minute === minute) return candidate;
  }
  return new Date(naive);
}

/** The calendar date `days` after `date` (negative for before). */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const calendars = new Map<HolidayRegion, Holidays>();
const holidayCache = new Map<string, Set<string>>();

/** Bank holidays (public holidays, including substitute days) of one region and year. */
export function bankHolidays(region: HolidayRegion, year: number): Set<string> {
  const key = `${region}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    let calendar = calendars.get(region);
    if (!calendar) {
      calendar = new Holidays('GB', REGION_STATE[region]);
      calendars.set(region, calendar);
    }
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(key, days);
  }
  return days;
}

export function isWorkingDay(date: string, region: HolidayRegion): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !bankHolidays(region, y).has(date);
}

/** The date `n` working days after `date` (n >= 0; 0 answers `date` itself, working day or not). */
export function addWorkingDays(date: string, n: number, region: HolidayRegion): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number of working days, 0 or more');
  let current = date;
  for (let counted = 0; counted < n;) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current, region)) counted++;
  }
  return current;
}

/**
 * When something is due `n` working days after `from`: the end (London midnight) of the n-th
 * working day after from's London date. A case opened on Friday afternoon with n = 2 is due by the
 * end of Tuesday; one opened on Saturday is also due by the end of Tuesday.
 */
export function workingDaysDueAt(from: Date, n: number, region: HolidayRegion): Date {
  const dueDate = addWorkingDays(londonDate(from), n, region);
  return londonTime(addCalendarDays(dueDate, 1));
}

/**
 * The first moment at or after `at` that falls on a working day within office hours
 * (London wall clock, `startHour` inclusive to `endHour` exclusive): when automated email may go out.
 */
export function nextWorkingTime(
  at: Date,
  region: HolidayRegion,
  hours: { startHour: number; endHour: number } = { startHour: 9, endHour: 17 },
): Date {
  const { date, hour } = londonParts(at);
  if (isWorkingDay(date, region) && hour >= hours.startHour && hour < hours.endHour) return at;
  const day = isWorkingDay(date, region) && hour < hours.startHour ? date : addWorkingDays(date, 1, region);
  return londonTime(day, hours.startHour);
}
