import {
  CHECKIN_REPLY_WHEN,
  MP_RESPONSE_ADDRESSED,
  type CheckinReplyWhen,
  type DomainEventPayloads,
  type MpResponseAddressed,
} from '@campaign-desk/contracts';
import { addCalendarDays, londonDate, londonTime } from '@campaign-desk/server-core';

/** What the supporter said about the reply: the instant it stands for, the latest it allows, and how it is known. */
export type CheckinReply = NonNullable<DomainEventPayloads['checkin.answered']['reply']>;

/** The "yes" form's fields as posted (anything may be missing or wrong). */
export interface ReplyFormFields {
  when?: unknown;
  date?: unknown;
  addressed?: unknown;
}

export type ReplyProblem = { field: 'when' | 'date' | 'addressed'; message: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isWhen = (v: unknown): v is CheckinReplyWhen => CHECKIN_REPLY_WHEN.includes(v as CheckinReplyWhen);
const isAddressed = (v: unknown): v is MpResponseAddressed => MP_RESPONSE_ADDRESSED.includes(v as MpResponseAddressed);

/** The Monday (Europe/London) of the week `date` is in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
  return addCalendarDays(date, 1 - weekday);
}

const earliest = (a: Date, b: Date) => (a < b ? a : b);

/**
 * Reads the "yes" form. A date wins over the week; "this week" and "last week" stand for that week's
 * Monday, Europe/London (the engagement lib moves it up to the contact when the contact came later in
 * the week). A date in the future, an impossible date, or "earlier" without a date is refused.
 */
export function parseReply(
  fields: ReplyFormFields,
  now: Date,
): { ok: true; reply: CheckinReply } | ({ ok: false } & ReplyProblem) {
  const today = londonDate(now);
  const date = typeof fields.date === 'string' ? fields.date.trim() : '';
  let reply: Omit<CheckinReply, 'addressed'>;
  if (date) {
    if (!ISO_DATE.test(date) || addCalendarDays(date, 0) !== date)
      return { ok: false, field: 'date', message: 'Please give the date the reply came as a day, month and year.' };
    if (date > today) return { ok: false, field: 'date', message: 'The date the reply came cannot be in the future.' };
    const endOfDay = new Date(londonTime(addCalendarDays(date, 1)).getTime() - 1);
    reply = {
      receivedAt: londonTime(date).toISOString(),
      latestAt: earliest(endOfDay, now).toISOString(),
      receivedAtSource: 'supporter_date',
    };
  } else if (fields.when === 'this_week' || fields.when === 'last_week') {
    const monday = addCalendarDays(mondayOf(today), fields.when === 'last_week' ? -7 : 0);
    const endOfWeek = new Date(londonTime(addCalendarDays(monday, 7)).getTime() - 1);
    reply = {
      receivedAt: londonTime(monday).toISOString(),
      latestAt: earliest(endOfWeek, now).toISOString(),
      receivedAtSource: 'supporter_week',
    };
  } else if (isWhen(fields.when)) {
    return { ok: false, field: 'date', message: 'Please give the date the reply came (roughly is fine).' };
  } else {
    return { ok: false, field: 'when', message: 'Please say when the reply came.' };
  }
  if (!isAddressed(fields.addressed))
    return { ok: false, field: 'addressed', message: 'Please say whether the reply dealt with what you asked.' };
  return { ok: true, reply: { ...reply, addressed: fields.addressed } };
}
