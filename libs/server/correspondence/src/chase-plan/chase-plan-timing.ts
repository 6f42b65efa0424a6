import type { ChasePlanSettings } from '@campaign-desk/contracts';
import {
  addCalendarDays,
  londonDate,
  londonTime,
  nextWorkingTime,
  type HolidayRegion,
} from '@campaign-desk/server-core';

export interface OfficeHours {
  startHour: number;
  endHour: number;
}

export interface ChasePlanTimes {
  checkin: Date;
  reminder: Date;
  mpChases: Date[];
  phoneTask: Date;
}

/**
 * When something `days` after `from` goes out: the start of office hours (London) on that calendar
 * day, moved on to the next working day of the supporter's nation if it is a weekend or bank
 * holiday, and never before `notBefore` (a contact recorded late does not send into the past).
 */
export function dueAfter(from: Date, days: number, region: HolidayRegion, hours: OfficeHours, notBefore: Date): Date {
  const day = addCalendarDays(londonDate(from), days);
  const planned = nextWorkingTime(londonTime(day, hours.startHour), region, hours);
  return planned.getTime() >= notBefore.getTime() ? planned : nextWorkingTime(notBefore, region, hours);
}

/** The plan DESIGN §1.4 describes, counted from the day the MP was contacted; the reminder counts from the check-in. */
export function planChaseTimes(
  contactedAt: Date,
  settings: ChasePlanSettings,
  region: HolidayRegion,
  hours: OfficeHours,
  now: Date,
): ChasePlanTimes {
  const checkin = dueAfter(contactedAt, settings.checkinDays, region, hours, now);
  return {
    checkin,
    reminder: dueAfter(checkin, settings.reminderDays, region, hours, now),
    mpChases: [...settings.mpChaseDays]
      .sort((a, b) => a - b)
      .map((days) => dueAfter(contactedAt, days, region, hours, now)),
    phoneTask: dueAfter(contactedAt, settings.phoneTaskDays, region, hours, now),
  };
}
