import type { CaseSortField } from '@campaign-desk/contracts';
import type { CaseListCriteria } from './case-list-criteria';

/** Sort fields → the column (each has an index ending in id) and its SQL type for cursor values. */
export const SORT_COLUMNS: Record<CaseSortField, { column: string; type: string }> = {
  id: { column: 'c.id', type: 'uuid' },
  createdAt: { column: 'c.created_at', type: 'timestamptz' },
  updatedAt: { column: 'c.updated_at', type: 'timestamptz' },
  reference: { column: 'c.number', type: 'bigint' },
  priority: { column: 'c.priority_rank', type: 'smallint' },
  slaDueAt: { column: 'c.sla_sort', type: 'timestamptz' },
  statusChangedAt: { column: 'c.status_changed_at', type: 'timestamptz' },
};

/**
 * ts_rank weights for {D, C, B, A}: message text, email and subjects, supporter name, reference.
 * Far apart so a match in a heavier part beats several in a lighter one.
 */
const RANK_WEIGHTS = `'{0.01, 0.05, 0.4, 1.0}'::float4[]`;

/** What a list row carries (never the story or the search columns). */
export const LIST_COLUMNS = `c.id, c.reference, c.supporter_id, c.supporter_name, c.constituency_gss, c.nation, c.region,
  c.mp_id, c.mp_name, c.party, c.topics, c.trust, c.priority, c.assignee_id, c.status, c.held_from_status, c.outcome,
  c.duplicate_of_id, c.first_response_due_at, c.first_responded_at, c.next_update_due_at, c.sla_due_at,
  c.status_changed_at, c.created_at, c.updated_at, c.closed_at`;

export interface CaseListSql {
  /** The page. */
  page: { text: string; values: unknown[] };
  /** Counts at most `cap + 1` matching rows. */
  cappedCount: { text: string; values: unknown[] };
  /** For EXPLAIN: the matching rows, unpaged. */
  matching: { text: string; values: unknown[] };
}

/** Builds parameterised SQL for a case list; every value goes in as a parameter. */
export function buildCaseListSql(c: CaseListCriteria, countCap: number): CaseListSql {
  const values: unknown[] = [];
  const param = (value: unknown, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  };
  const where: string[] = [];
  if (c.nothing) where.push('false');
  if (c.ids) where.push(`c.id = ANY(${param(c.ids, '::uuid[]')})`);
  if (c.statuses)
    where.push(
      c.statuses.length === 1
        ? `c.status = ${param(c.statuses[0])}`
        : `c.status = ANY(${param(c.statuses, '::text[]')})`,
    );
  if (c.openOnly) where.push(`c.status <> 'closed'`);
  if (c.unassigned) where.push('c.assignee_id IS NULL');
  if (c.assigneeIds)
    where.push(
      c.assigneeIds.length === 1
        ? `c.assignee_id = ${param(c.assigneeIds[0], '::uuid')}`
        : `c.assignee_id = ANY(${param(c.assigneeIds, '::uuid[]')})`,
    );
  if (c.priorities) where.push(`c.priority = ANY(${param(c.priorities, '::text[]')})`);
  if (c.topics) where.push(`c.topics && ${param(c.topics, '::text[]')}`);
  if (c.nations) where.push(`c.nation = ANY(${param(c.nations, '::text[]')})`);
  if (c.regions) where.push(`c.region = ANY(${param(c.regions, '::text[]')})`);
  if (c.constituencyIds) where.push(`c.constituency_gss = ANY(${param(c.constituencyIds, '::text[]')})`);
  if (c.mpIds) where.push(`c.mp_id = ANY(${param(c.mpIds, '::int[]')})`);
  if (c.parties) where.push(`c.party = ANY(${param(c.parties, '::text[]')})`);
  if (c.supporterIds) where.push(`c.supporter_id = ANY(${param(c.supporterIds, '::uuid[]')})`);
  if (c.createdFrom) where.push(`c.created_at >= ${param(c.createdFrom, '::timestamptz')}`);
  if (c.createdBefore) where.push(`c.created_at < ${param(c.createdBefore, '::timestamptz')}`);
  // sla_sort is sla_due_at, or infinity when nothing is due: one index serves the overdue view and its sort.
  if (c.slaDueBefore) where.push(`c.sla_sort < ${param(c.slaDueBefore, '::timestamptz')}`);
  if (c.statusChangedBefore) where.push(`c.status_changed_at < ${param(c.statusChangedBefore, '::timestamptz')}`);
  if (c.statusChangedFrom) where.push(`c.status_changed_at >= ${param(c.statusChangedFrom, '::timestamptz')}`);
  let tsquery = '';
  if (c.search) {
    tsquery = `to_tsquery('simple', ${param(c.search.tsquery)})`;
    const byNumber = c.search.number !== null ? ` OR c.number = ${param(c.search.number, '::bigint')}` : '';
    where.push(`(c.search @@ ${tsquery}${byNumber})`);
  }
  const filterValues = values.length;
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';

  const sort = SORT_COLUMNS[c.sort.field];
  const dir = c.sort.order;
  const pageWhere = [...where];
  if (c.after) {
    const cmp = dir === 'DESC' ? '<' : '>';
    pageWhere.push(
      `(${sort.column}, c.id) ${cmp} (${param(c.after.value, `::${sort.type}`)}, ${param(c.after.id, '::uuid')})`,
    );
  }
  const order = c.search
    ? `${c.search.number !== null ? `(c.number = ${param(c.search.number, '::bigint')}) DESC, ` : ''}ts_rank(${RANK_WEIGHTS}, c.search, ${tsquery}) DESC, ${sort.column} ${dir}, c.id ${dir}`
    : `${sort.column} ${dir}, c.id ${dir}`;
  const pageWhereSql = pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : '';
  const limit = param(c.limit, '::int');
  const offset = c.after ? '' : ` OFFSET ${param(c.offset, '::int')}`;
  const sortKey = `${sort.column}::text AS sort_key`;
  // Deep offsets skip rows through the index alone, then read only the page's rows.
  const text =
    !c.after && !c.search && c.offset >= 1000
      ? `SELECT ${LIST_COLUMNS}, ${sortKey} FROM cases c
         JOIN (SELECT c.id FROM cases c ${pageWhereSql} ORDER BY ${order} LIMIT ${limit}${offset}) p ON p.id = c.id
         ORDER BY ${order}`
      : `SELECT ${LIST_COLUMNS}, ${sortKey} FROM cases c ${pageWhereSql} ORDER BY ${order} LIMIT ${limit}${offset}`;

  const filterParams = values.slice(0, filterValues);
  return {
    page: { text, values },
    cappedCount: {
      text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c ${whereSql} LIMIT ${countCap + 1}) t`,
      values: filterParams,
    },
    matching: { text: `SELECT 1 FROM cases c ${whereSql}`, values: filterParams },
  };
}
