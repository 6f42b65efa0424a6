import { buildCaseListSql } from './case-list-sql';
import type { CaseListCriteria } from './case-list-criteria';

const base: CaseListCriteria = { sort: { field: 'createdAt', order: 'DESC' }, offset: 0, limit: 25 };

describe('buildCaseListSql', () => {
  it('puts every value in a parameter', () => {
    const sql = buildCaseListSql(
      {
        ...base,
        statuses: ['new'],
        regions: ["London'; DROP TABLE cases; --"],
        search: { tsquery: 'smith:*', number: null },
      },
      10_000,
    );
    expect(sql.page.text).not.toContain('DROP');
    expect(sql.page.values).toContainEqual(["London'; DROP TABLE cases; --"]);
  });

  it('orders by the sort column and id, pages by keyset after a cursor', () => {
    const sql = buildCaseListSql(
      {
        ...base,
        sort: { field: 'priority', order: 'ASC' },
        after: { value: '2', id: '00000000-0000-4000-8000-000000000001' },
      },
      10_000,
    );
    expect(sql.page.text).toContain('(c.priority_rank, c.id) > ($1::smallint, $2::uuid)');
    expect(sql.page.text).toContain('ORDER BY c.priority_rank ASC, c.id ASC LIMIT $3::int');
    expect(sql.page.text).not.toContain('OFFSET');
  });

  it('skips deep offsets through the index before reading rows', () => {
    expect(buildCaseListSql({ ...base, offset: 50 }, 10_000).page.text).not.toContain('JOIN');
    expect(buildCaseListSql({ ...base, offset: 5_000 }, 10_000).page.text).toContain('JOIN (SELECT c.id FROM cases c');
  });

  it('counts with the filters only, capped', () => {
    const sql = buildCaseListSql(
      { ...base, statuses: ['new', 'triaged'], after: { value: 'x', id: '00000000-0000-4000-8000-000000000001' } },
      10_000,
    );
    expect(sql.cappedCount.text).toBe(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c WHERE c.status = ANY($1::text[]) LIMIT 10001) t`,
    );
    expect(sql.cappedCount.values).toEqual([['new', 'triaged']]);
  });

  it('ranks an exact reference first, then by weighted relevance', () => {
    const sql = buildCaseListSql({ ...base, search: { tsquery: '123:*', number: 123 } }, 10_000);
    expect(sql.page.text).toMatch(/ORDER BY \(c\.number = \$\d+::bigint\) DESC, ts_rank\(/);
    expect(sql.cappedCount.text).toContain('OR c.number = $2::bigint');
  });

  it('answers nothing for contradictory filters', () => {
    expect(buildCaseListSql({ ...base, nothing: true }, 10_000).page.text).toContain('WHERE false');
  });
});
