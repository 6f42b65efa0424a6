import { mondayOf, parseReply } from './checkin-reply';

// Thursday 3 December 2026, 10:00 in London (GMT).
const now = new Date('2026-12-03T10:00:00Z');

describe('the check-in "yes" form', () => {
  it('finds the Monday of a week (Europe/London dates)', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });

  it('reads "last week" as its Monday at London midnight, allowing up to its Sunday', () => {
    expect(parseReply({ when: 'last_week', addressed: 'partly' }, now)).toEqual({
      ok: true,
      reply: {
        receivedAt: '2026-11-23T00:00:00.000Z',
        latestAt: '2026-11-29T23:59:59.999Z',
        receivedAtSource: 'supporter_week',
        addressed: 'partly',
      },
    });
  });

  it('reads "this week" as this Monday, allowing up to now', () => {
    expect(parseReply({ when: 'this_week', addressed: 'yes' }, now)).toMatchObject({
      ok: true,
      reply: {
        receivedAt: '2026-11-30T00:00:00.000Z',
        latestAt: now.toISOString(),
        receivedAtSource: 'supporter_week',
      },
    });
  });

  it('prefers a date to the week, in London time (BST in summer)', () => {
    expect(parseReply({ when: 'earlier', date: '2026-07-01', addressed: 'no' }, now)).toEqual({
      ok: true,
      reply: {
        receivedAt: '2026-06-30T23:00:00.000Z',
        latestAt: '2026-07-01T22:59:59.999Z',
        receivedAtSource: 'supporter_date',
        addressed: 'no',
      },
    });
    expect(parseReply({ date: '2026-12-03', addressed: 'no' }, now)).toMatchObject({
      ok: true,
      reply: { latestAt: now.toISOString() },
    });
  });

  it.each([
    [{ date: '2026-12-04', addressed: 'yes' }, 'date'],
    [{ date: '2026-02-30', addressed: 'yes' }, 'date'],
    [{ date: '3/12/2026', addressed: 'yes' }, 'date'],
    [{ when: 'earlier', addressed: 'yes' }, 'date'],
    [{ when: 'yesterday', addressed: 'yes' }, 'when'],
    [{ addressed: 'yes' }, 'when'],
    [{ when: 'this_week' }, 'addressed'],
    [{ when: 'this_week', addressed: 'maybe' }, 'addressed'],
    [{ when: ['this_week'], addressed: 'yes' }, 'when'],
  ])('refuses %j, naming %s', (fields, field) => {
    expect(parseReply(fields, now)).toMatchObject({ ok: false, field });
  });
});
