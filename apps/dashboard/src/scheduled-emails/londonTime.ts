/** Staff work to UK office hours: due times are shown and entered as Europe/London wall-clock time. */
export const LONDON = 'Europe/London';

const display = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Mon, 7 Dec 2026, 09:00" in London, whatever the browser's own time zone. */
export function formatLondon(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : display.format(date);
}

/** The London wall-clock time of an instant as `YYYY-MM-DDTHH:mm` (the value of a datetime-local input). */
export function toLondonInput(iso: string | Date): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

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
