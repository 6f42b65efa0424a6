import { BadRequestException } from '@nestjs/common';
import type { CaseFilterField, CaseSortField, SessionUser } from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { encodeCursor } from './case-cursor';
import { caseSearch, toCaseListCriteria } from './case-list-criteria';

const me: SessionUser = { id: '00000000-0000-4000-8000-00000000000a', email: 'a@x', name: 'A', role: 'caseworker' };
const other = '00000000-0000-4000-8000-00000000000b';
const now = new Date('2026-11-23T10:00:00Z');
const query = (
  filter: Record<string, unknown>,
  sort: { field: CaseSortField; order: 'ASC' | 'DESC' } = { field: 'createdAt', order: 'DESC' },
): ListQuery<CaseFilterField, CaseSortField> => ({
  sort,
  offset: 0,
  limit: 25,
  filter,
});
const criteria = (filter: Record<string, unknown>, sortGiven = true, user = me) =>
  toCaseListCriteria(query(filter), sortGiven, user, now);

describe('toCaseListCriteria', () => {
  it('turns each view into plain conditions', () => {
    expect(criteria({ view: 'mine' })).toMatchObject({ assigneeIds: [me.id], openOnly: true });
    expect(criteria({ view: 'unassigned' })).toMatchObject({ unassigned: true, openOnly: true });
    expect(criteria({ view: 'overdue' }).slaDueBefore).toEqual(now);
    expect(criteria({ view: 'awaiting_mp_21d' })).toMatchObject({
      statuses: ['awaiting_mp'],
      statusChangedBefore: new Date('2026-11-02T10:00:00Z'),
    });
    expect(criteria({ view: 'on_hold' }).statuses).toEqual(['on_hold']);
    expect(criteria({ view: 'closed_this_month' })).toMatchObject({
      statuses: ['closed'],
      statusChangedFrom: new Date('2026-11-01T00:00:00Z'),
    });
  });

  it('starts "this month" at London midnight (BST in summer)', () => {
    expect(
      toCaseListCriteria(query({ view: 'closed_this_month' }), true, me, new Date('2026-07-15T12:00:00Z'))
        .statusChangedFrom,
    ).toEqual(new Date('2026-06-30T23:00:00Z'));
  });

  it("uses the view's own sort only when no sort was asked for", () => {
    expect(criteria({ view: 'overdue' }, false).sort).toEqual({ field: 'slaDueAt', order: 'ASC' });
    expect(criteria({ view: 'overdue' }, true).sort).toEqual({ field: 'createdAt', order: 'DESC' });
  });

  it('leaves nothing when a view contradicts a filter', () => {
    expect(criteria({ view: 'mine', assigneeId: other }).nothing).toBe(true);
    expect(criteria({ view: 'mine', assigneeId: [other, me.id] }).nothing).toBeUndefined();
    expect(criteria({ view: 'unassigned', assigneeId: other }).nothing).toBe(true);
    expect(criteria({ view: 'on_hold', status: 'new' }).statuses).toEqual([]);
  });

  it('reads dates as London days, the end date inclusive', () => {
    expect(criteria({ createdFrom: '2026-07-01', createdTo: '2026-07-01' })).toMatchObject({
      createdFrom: new Date('2026-06-30T23:00:00Z'),
      createdBefore: new Date('2026-07-01T23:00:00Z'),
    });
  });

  it('treats assigneeId null as unassigned and mpId strings as numbers', () => {
    expect(criteria({ assigneeId: null })).toMatchObject({ unassigned: true });
    expect(criteria({ mpId: ['4514', 172] }).mpIds).toEqual([4514, 172]);
  });

  it.each([
    [{ status: 'done' }],
    [{ status: [] }],
    [{ priority: 'critical' }],
    [{ topic: 'astrology' }],
    [{ nation: 'Mercia' }],
    [{ assigneeId: 'x' }],
    [{ supporterId: 7 }],
    [{ constituencyId: 'Holborn' }],
    [{ mpId: -1 }],
    [{ createdFrom: '2026-13-01' }],
    [{ createdTo: 'yesterday' }],
    [{ q: 'x'.repeat(201) }],
    [{ q: 5 }],
    [{ view: 'everything' }],
    [{ after: 'nonsense' }],
    [{ id: ['not-a-uuid'] }],
  ])('refuses %j with a 400 naming the filter', (filter) => {
    expect(() => criteria(filter)).toThrow(BadRequestException);
    try {
      criteria(filter);
    } catch (e) {
      expect((e as BadRequestException).getResponse()).toMatchObject({ fields: { filter: expect.any(String) } });
    }
  });

  it('accepts a cursor made for the same sort only', () => {
    const cursor = encodeCursor({ field: 'createdAt', order: 'DESC' }, '2026-11-23 10:00:00.123456+00', other);
    expect(criteria({ after: cursor }).after).toEqual({ value: '2026-11-23 10:00:00.123456+00', id: other });
    expect(() =>
      toCaseListCriteria(query({ after: cursor }, { field: 'priority', order: 'DESC' }), true, me, now),
    ).toThrow(BadRequestException);
    expect(() => criteria({ after: cursor, q: 'smith' })).toThrow(BadRequestException);
  });
});

describe('caseSearch', () => {
  it('makes prefix terms joined with AND, letters and digits only', () => {
    expect(caseSearch("O'Brien chemo!", false)).toEqual({ tsquery: 'o:* & brien:* & chemo:*', number: null });
    expect(caseSearch('!!!', false)).toBeNull();
  });

  it('recognises a reference however it is typed', () => {
    for (const q of ['CD-123', 'cd123', 'cd 123', ' 123 ']) expect(caseSearch(q, false)?.number).toBe(123);
  });

  it('restricts viewers to the reference weight (no name search)', () => {
    expect(caseSearch('smith', true)?.tsquery).toBe('smith:*A');
  });
});
