import { oneCalendarMonthAfter } from './due-date';

describe('oneCalendarMonthAfter', () => {
  it.each([
    ['2026-03-14T10:30:00.000Z', '2026-04-14T10:30:00.000Z'],
    ['2026-01-31T09:00:00.000Z', '2026-02-28T09:00:00.000Z'],
    ['2028-01-31T09:00:00.000Z', '2028-02-29T09:00:00.000Z'],
    ['2026-12-15T12:00:00.000Z', '2027-01-15T12:00:00.000Z'],
    ['2026-08-31T23:59:00.000Z', '2026-09-30T23:59:00.000Z'],
  ])('%s is due %s', (received, due) => {
    expect(oneCalendarMonthAfter(new Date(received)).toISOString()).toBe(due);
  });
});
