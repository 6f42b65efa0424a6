import type { AgreedActionInput, MeetingStatus } from '@campaign-desk/contracts';
import {
  addWorkingDays,
  fieldError,
  type HolidayRegion,
  londonDate,
  londonTime,
  nextWorkingTime,
} from '@campaign-desk/server-core';

export interface OfficeHours {
  startHour: number;
  endHour: number;
}

/** A meeting's status given when it starts: upcoming only in the future; omitted, it follows the time. */
export function meetingStatusFor(startsAt: Date, requested: MeetingStatus | undefined, now: Date): MeetingStatus {
  if (requested === 'upcoming' && startsAt.getTime() < now.getTime())
    throw fieldError('startsAt', 'is in the past: a meeting that has started cannot be upcoming');
  if (requested === 'held' && startsAt.getTime() > now.getTime() + 60_000)
    throw fieldError('startsAt', 'is in the future: a meeting cannot be held before it starts');
  return requested ?? (startsAt.getTime() > now.getTime() ? 'upcoming' : 'held');
}

/** A calendar date (`2026-12-01`) that really exists. */
export function isCalendarDate(raw: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const [y, m, d] = raw.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Agreed actions as recorded: a chase needs a due date, and a due date is a real date no earlier
 * than the meeting's (London) day. Fields are named as the request has them (`agreedActions.0.dueDate`).
 */
export function checkAgreedActions(actions: AgreedActionInput[], meetingStartsAt: Date, field = 'agreedActions'): void {
  const meetingDay = londonDate(meetingStartsAt);
  actions.forEach((action, i) => {
    const at = `${field}.${i}`;
    if (!action.description?.trim()) throw fieldError(`${at}.description`, 'must not be empty');
    if (action.dueDate && !isCalendarDate(action.dueDate))
      throw fieldError(`${at}.dueDate`, 'must be a date like 2026-12-01');
    if (action.chase && !action.dueDate) throw fieldError(`${at}.dueDate`, 'is required when chase is true');
    if (action.dueDate && action.dueDate < meetingDay)
      throw fieldError(`${at}.dueDate`, `must not be before the meeting (${meetingDay})`);
  });
}

/**
 * When the thank-you to the MP is due: the start of office hours on the working day after the
 * meeting; if that has passed (the meeting was recorded late), the next office-hours moment from now.
 */
export function thankYouDueAt(meetingStartsAt: Date, now: Date, region: HolidayRegion, hours: OfficeHours): Date {
  const nextDay = addWorkingDays(londonDate(meetingStartsAt), 1, region);
  const due = londonTime(nextDay, hours.startHour);
  return due.getTime() >= now.getTime() ? due : nextWorkingTime(now, region, hours);
}

/** When an agreed action's chase is due: office hours on its due date (or the next working day); never in the past. */
export function actionChaseDueAt(dueDate: string, now: Date, region: HolidayRegion, hours: OfficeHours): Date {
  const due = nextWorkingTime(londonTime(dueDate, hours.startHour), region, hours);
  return due.getTime() >= now.getTime() ? due : nextWorkingTime(now, region, hours);
}
