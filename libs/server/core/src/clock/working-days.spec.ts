import {
  addWorkingDays,
  bankHolidays,
  holidayRegionForNation,
  isWorkingDay,
  londonDate,
  londonTime,
  nextWorkingTime,
  workingDaysDueAt,
} from './working-days';

describe('working days (Europe/London)', () => {
  it('maps nations to holiday calendars, England and Wales by default', () => {
    expect(holidayRegionForNation('England')).toBe('england_wales');
    expect(holidayRegionForNation('Wales')).toBe('england_wales');
    expect(holidayRegionForNation(null)).toBe('england_wales');
    expect(holidayRegionForNation('Scotland')).toBe('scotland');
    expect(holidayRegionForNation('Northern Ireland')).toBe('northern_ireland');
  });

  it("knows each nation's bank holidays, including substitute days", () => {
    expect(bankHolidays('england_wales', 2026).has('2026-04-06')).toBe(true); // Easter Monday
    expect(bankHolidays('scotland', 2026).has('2026-04-06')).toBe(false);
    expect(bankHolidays('scotland', 2026).has('2026-11-30')).toBe(true); // St Andrew's Day
    expect(bankHolidays('scotland', 2026).has('2026-01-02')).toBe(true);
    expect(bankHolidays('northern_ireland', 2026).has('2026-03-17')).toBe(true); // St Patrick's Day
    expect(bankHolidays('northern_ireland', 2026).has('2026-07-13')).toBe(true); // Boyne substitute
    expect(bankHolidays('england_wales', 2026).has('2026-12-28')).toBe(true); // Boxing Day substitute
    expect(bankHolidays('england_wales', 2026).has('2026-03-15')).toBe(false); // Mother's Day is an observance
  });

  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2026-11-27', 'england_wales')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', 'england_wales')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-30', 'england_wales')).toBe(true);
    expect(isWorkingDay('2026-11-30', 'scotland')).toBe(false);
    expect(addWorkingDays('2026-11-27', 1, 'england_wales')).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 1, 'scotland')).toBe('2026-12-01');
    // Christmas: Fri 25, Sat 26, Mon 28 substitute → the next working day after Thu 24 is Tue 29.
    expect(addWorkingDays('2026-12-24', 1, 'england_wales')).toBe('2026-12-29');
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April (not in Scotland).
    expect(addWorkingDays('2026-04-02', 2, 'england_wales')).toBe('2026-04-08');
    expect(addWorkingDays('2026-04-02', 2, 'scotland')).toBe('2026-04-07');
    expect(addWorkingDays('2026-03-16', 1, 'northern_ireland')).toBe('2026-03-18');
    expect(addWorkingDays('2026-03-16', 0, 'england_wales')).toBe('2026-03-16');
    expect(() => addWorkingDays('2026-03-16', -1, 'england_wales')).toThrow(RangeError);
  });

  it('reads London dates, not UTC ones, on both sides of midnight in summer', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('turns London wall-clock times into instants with the right offset', () => {
    expect(londonTime('2026-01-15').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonTime('2026-07-15', 9).toISOString()).toBe('2026-07-15T08:00:00.000Z');
    // Spring forward is at 01:00 GMT on 29 March 2026; autumn back at 01:00 GMT on 25 October 2026.
    expect(londonTime('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonTime('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonTime('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonTime('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('is due at the end of the n-th working day, across the spring clock change', () => {
    // Friday 27 March 2026 10:00 GMT; clocks go forward on Sunday; due end of Tuesday 31 March (BST).
    const due = workingDaysDueAt(new Date('2026-03-27T10:00:00Z'), 2, 'england_wales');
    expect(due.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(londonDate(new Date(due.getTime() - 1))).toBe('2026-03-31');
  });

  it('is due at the end of the n-th working day, across the autumn clock change', () => {
    // Friday 23 October 2026 16:30 BST; clocks go back on Sunday; due end of Tuesday 27 October (GMT).
    const due = workingDaysDueAt(new Date('2026-10-23T15:30:00Z'), 2, 'england_wales');
    expect(due.toISOString()).toBe('2026-10-28T00:00:00.000Z');
  });

  it('counts from the London date: 23:30 UTC on a summer Friday is already Saturday in London', () => {
    const due = workingDaysDueAt(new Date('2026-07-10T23:30:00Z'), 2, 'england_wales');
    expect(due.toISOString()).toBe('2026-07-14T23:00:00.000Z'); // end of Tuesday 14 July, BST
  });

  it('treats a case opened at the weekend like one opened on Friday', () => {
    const fromSaturday = workingDaysDueAt(new Date('2026-11-28T12:00:00Z'), 2, 'england_wales');
    expect(fromSaturday.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    const scotland = workingDaysDueAt(new Date('2026-11-28T12:00:00Z'), 2, 'scotland');
    expect(scotland.toISOString()).toBe('2026-12-03T00:00:00.000Z'); // St Andrew's Day skipped
  });

  it('finds the next office-hours moment on a working day', () => {
    const inHours = new Date('2026-11-24T10:00:00Z');
    expect(nextWorkingTime(inHours, 'england_wales')).toBe(inHours);
    expect(nextWorkingTime(new Date('2026-11-24T06:00:00Z'), 'england_wales').toISOString()).toBe(
      '2026-11-24T09:00:00.000Z',
    );
    expect(nextWorkingTime(new Date('2026-11-27T17:30:00Z'), 'england_wales').toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
    expect(nextWorkingTime(new Date('2026-11-27T17:30:00Z'), 'scotland').toISOString()).toBe(
      '2026-12-01T09:00:00.000Z',
    );
    // Summer: 09:00 London is 08:00 UTC.
    expect(nextWorkingTime(new Date('2026-07-11T12:00:00Z'), 'england_wales').toISOString()).toBe(
      '2026-07-13T08:00:00.000Z',
    );
  });
});
