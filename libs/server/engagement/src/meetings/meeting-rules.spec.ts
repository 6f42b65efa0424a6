import { BadRequestException } from '@nestjs/common';
import { actionChaseDueAt, checkAgreedActions, isCalendarDate, meetingStatusFor, thankYouDueAt } from './meeting-rules';

const hours = { startHour: 9, endHour: 17 };
const fieldsOf = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { fields: Record<string, string> }).fields;
  }
  throw new Error('expected a 400');
};

describe('meetingStatusFor', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('refuses a past meeting marked upcoming, naming startsAt', () => {
    expect(Object.keys(fieldsOf(() => meetingStatusFor(new Date('2026-11-23T10:00:00Z'), 'upcoming', now)))).toEqual([
      'startsAt',
    ]);
  });

  it('refuses a future meeting marked held', () => {
    expect(Object.keys(fieldsOf(() => meetingStatusFor(new Date('2026-11-30T10:00:00Z'), 'held', now)))).toEqual([
      'startsAt',
    ]);
  });

  it('follows the time when no status is given', () => {
    expect(meetingStatusFor(new Date('2026-11-30T10:00:00Z'), undefined, now)).toBe('upcoming');
    expect(meetingStatusFor(new Date('2026-11-20T10:00:00Z'), undefined, now)).toBe('held');
    expect(meetingStatusFor(new Date('2026-11-20T10:00:00Z'), 'cancelled', now)).toBe('cancelled');
  });
});

describe('checkAgreedActions', () => {
  const meeting = new Date('2026-11-24T10:00:00Z');

  it('needs a due date for a chase, naming the action', () => {
    const fields = fieldsOf(() =>
      checkAgreedActions(
        [
          { description: 'ok', owner: 'mp' },
          { description: 'Write to the CEO', owner: 'mp', chase: true },
        ],
        meeting,
      ),
    );
    expect(fields).toEqual({ 'agreedActions.1.dueDate': 'is required when chase is true' });
  });

  it('refuses impossible dates and dates before the meeting', () => {
    expect(
      Object.keys(
        fieldsOf(() => checkAgreedActions([{ description: 'x', owner: 'mp', dueDate: '2026-02-30' }], meeting)),
      ),
    ).toEqual(['agreedActions.0.dueDate']);
    expect(
      Object.keys(
        fieldsOf(() => checkAgreedActions([{ description: 'x', owner: 'trust', dueDate: '2026-11-23' }], meeting)),
      ),
    ).toEqual(['agreedActions.0.dueDate']);
    expect(Object.keys(fieldsOf(() => checkAgreedActions([{ description: '  ', owner: 'trust' }], meeting)))).toEqual([
      'agreedActions.0.description',
    ]);
  });

  it('accepts actions with and without dates', () => {
    expect(() =>
      checkAgreedActions(
        [
          { description: 'a', owner: 'charity' },
          { description: 'b', owner: 'mp', dueDate: '2026-11-24', chase: true },
        ],
        meeting,
      ),
    ).not.toThrow();
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});

describe('thankYouDueAt', () => {
  it('is 9am London on the next working day', () => {
    // Thursday 24 Dec 2026: Christmas and Boxing Day (moved to Monday 28th) are bank holidays.
    const meeting = new Date('2026-12-24T11:00:00Z');
    expect(thankYouDueAt(meeting, meeting, 'england_wales', hours).toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  it('skips the weekend, in summer time', () => {
    const friday = new Date('2026-06-12T14:00:00Z');
    expect(thankYouDueAt(friday, friday, 'england_wales', hours).toISOString()).toBe('2026-06-15T08:00:00.000Z');
  });

  it('uses the nation of the supporter: St Andrew’s Day in Scotland', () => {
    // Friday 27 Nov 2026; Monday 30 Nov is St Andrew's Day in Scotland only.
    const meeting = new Date('2026-11-27T10:00:00Z');
    expect(thankYouDueAt(meeting, meeting, 'scotland', hours).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(thankYouDueAt(meeting, meeting, 'england_wales', hours).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('is the next office-hours moment when the meeting was recorded late', () => {
    const meeting = new Date('2026-11-02T10:00:00Z');
    const now = new Date('2026-11-24T20:00:00Z');
    expect(thankYouDueAt(meeting, now, 'england_wales', hours).toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });
});

describe('actionChaseDueAt', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('is office hours on the due date, or the next working day after a weekend', () => {
    expect(actionChaseDueAt('2026-12-01', now, 'england_wales', hours).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(actionChaseDueAt('2026-12-05', now, 'england_wales', hours).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('is never in the past', () => {
    expect(actionChaseDueAt('2026-11-24', now, 'england_wales', hours).toISOString()).toBe(now.toISOString());
  });
});
