import { planChaseTimes } from './chase-plan-timing';

const settings = { checkinDays: 14, reminderDays: 7, mpChaseDays: [35, 21], phoneTaskDays: 42 };
const hours = { startHour: 9, endHour: 17 };
const iso = (d: Date) => d.toISOString();

describe('chase plan times', () => {
  it('follows DESIGN §1.4 at 09:00 London on working days', () => {
    // Monday 2 November 2026 (GMT): +14 = Mon 16 Nov; reminder +7 = Mon 23 Nov; chases +21 = Mon 23 Nov, +35 = Mon 7 Dec; task +42 = Mon 14 Dec.
    const plan = planChaseTimes(
      new Date('2026-11-02T15:00:00Z'),
      settings,
      'england_wales',
      hours,
      new Date('2026-11-02T15:00:00Z'),
    );
    expect(iso(plan.checkin)).toBe('2026-11-16T09:00:00.000Z');
    expect(iso(plan.reminder)).toBe('2026-11-23T09:00:00.000Z');
    expect(plan.mpChases.map(iso)).toEqual(['2026-11-23T09:00:00.000Z', '2026-12-07T09:00:00.000Z']);
    expect(iso(plan.phoneTask)).toBe('2026-12-14T09:00:00.000Z');
  });

  it("skips weekends and the bank holidays of the supporter's nation", () => {
    // Contact Monday 16 November: +14 = Monday 30 November, a bank holiday in Scotland only.
    const from = new Date('2026-11-16T10:00:00Z');
    expect(iso(planChaseTimes(from, settings, 'england_wales', hours, from).checkin)).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(planChaseTimes(from, settings, 'scotland', hours, from).checkin)).toBe('2026-12-01T09:00:00.000Z');
    // +21 from Friday 4 December = Friday 25 December: Christmas, Boxing Day (Sat) and its substitute Monday 28th skipped.
    const christmas = planChaseTimes(
      new Date('2026-12-04T10:00:00Z'),
      { ...settings, mpChaseDays: [21] },
      'england_wales',
      hours,
      new Date('2026-12-04T10:00:00Z'),
    );
    expect(iso(christmas.mpChases[0])).toBe('2026-12-29T09:00:00.000Z');
  });

  it('lands at 09:00 London across the clock change (BST before, GMT after)', () => {
    // Contact Monday 12 October 2026 (BST); +14 = Monday 26 October, the day after the clocks go back.
    const from = new Date('2026-10-12T08:30:00Z');
    const plan = planChaseTimes(from, settings, 'england_wales', hours, from);
    expect(iso(plan.checkin)).toBe('2026-10-26T09:00:00.000Z');
    // Spring: contact Monday 16 March 2026 (GMT); +14 = Monday 30 March, the day after the clocks go forward: 09:00 BST = 08:00 UTC.
    const spring = planChaseTimes(
      new Date('2026-03-16T10:00:00Z'),
      settings,
      'england_wales',
      hours,
      new Date('2026-03-16T10:00:00Z'),
    );
    expect(iso(spring.checkin)).toBe('2026-03-30T08:00:00.000Z');
  });

  it('never plans into the past when the contact is recorded late', () => {
    const now = new Date('2026-11-24T18:30:00Z'); // Tuesday evening
    const plan = planChaseTimes(new Date('2026-10-01T10:00:00Z'), settings, 'england_wales', hours, now);
    expect(iso(plan.checkin)).toBe('2026-11-25T09:00:00.000Z');
    expect(plan.mpChases.every((d) => d.getTime() >= now.getTime())).toBe(true);
  });
});
