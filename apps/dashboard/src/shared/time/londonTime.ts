/**
 * The dashboard's one date formatter. Staff work to UK office hours: every date and time is shown (and
 * entered) as Europe/London wall-clock time in British English, whatever the browser's own zone.
 */
export const LONDON = 'Europe/London';

const DATE_PARTS = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
const dateOnly = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, ...DATE_PARTS });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  ...DATE_PARTS,
  hour: '2-digit',
  minute: '2-digit',
});
const inputParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

type DateValue = string | Date | null | undefined;

/**
 * The instant to format. A calendar date (`2026-12-01`, as the API sends dates without a time) is read
 * at noon UTC, which is the same day in London in winter and summer alike.
 */
function instantOf(value: DateValue): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    typeof value === 'string' && CALENDAR_DATE.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const isCalendarDate = (value: DateValue): boolean => typeof value === 'string' && CALENDAR_DATE.test(value);

/** "Tue, 1 Dec 2026": the London date of an instant, or a calendar date as it is. Never a time. Empty when there is none. */
export function formatLondonDate(value: DateValue): string {
  const date = instantOf(value);
  return date ? dateOnly.format(date) : '';
}

/** "Mon, 7 Dec 2026, 09:00" in London. A calendar date has no time, so it is shown as a date (never "00:00"). */
export function formatLondonDateTime(value: DateValue): string {
  if (isCalendarDate(value)) return formatLondonDate(value);
  const date = instantOf(value);
  return date ? dateTime.format(date) : '';
}

/** The London wall-clock time of an instant as `YYYY-MM-DDTHH:mm` (the value of a datetime-local input). */
export function toLondonInput(iso: string | Date): string {
  const p = Object.fromEntries(inputParts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Today's calendar date in London (`YYYY-MM-DD`): the default and the latest value of date inputs. */
export const londonToday = (now: Date = new Date()): string => toLondonInput(now).slice(0, 10);

/**
 * The instant a London wall-clock time (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`) names, as ISO 8601; null when
 * it is not one. The offset is read at the instant itself, so it is right on both sides of the clock change.
 */
export function londonToIso(value: string): string | null {
  const m = WALL_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00'] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== +d) return null;
  let instant = wall;
  // Two rounds settle it: London is UTC or UTC+1, and the second round corrects a guess across the change.
  for (let round = 0; round < 2; round++)
    instant = wall - (Date.parse(`${toLondonInput(new Date(instant))}:00Z`) - instant);
  return new Date(instant).toISOString();
}
