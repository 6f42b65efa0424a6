import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MP_ACTION_TYPES, UNKNOWN_GROUP_KEY, type MpActionType, type ReportGroupBy } from '@campaign-desk/contracts';
import { splitByMonth } from './range/month-split';
import type { DateRange } from './range/report-query';

/** Each grouping as an expression over the facts or the monthly cells; never null: unknowns get UNKNOWN_GROUP_KEY (the `unknown` parameter). */
const GROUP_KEY: Record<ReportGroupBy, (unknown: string) => string> = {
  mp: (unknown) => `coalesce(mp_id::text, ${unknown})`,
  party: (unknown) => `coalesce(party, ${unknown})`,
  nation: (unknown) => `coalesce(nation, ${unknown})`,
  region: (unknown) => `coalesce(region, ${unknown})`,
  month: (unknown) => `coalesce(to_char(month, 'YYYY-MM'), ${unknown})`,
};

/** What each grouping groups by: the raw column (an integer for MPs), so the key is worked out once per group, not per row. */
const GROUP_COLUMN: Record<ReportGroupBy, string> = {
  mp: 'mp_id',
  party: 'party',
  nation: 'nation',
  region: 'region',
  month: 'month',
};

/** The additive counts, and what each counts among the facts (the monthly cells hold the same sums). */
const FACT_FILTERS: Record<string, string> = {
  contacts: `kind = 'contact'`,
  cases: `kind = 'contact' AND first_of_case`,
  responses: `kind = 'contact' AND responded_in_window`,
  chases: `kind = 'chase'`,
  meetings: `kind = 'meeting'`,
  ...Object.fromEntries(MP_ACTION_TYPES.map((t) => [`action_${t}`, `kind = 'action' AND action_type = '${t}'`])),
};
const COUNTS = Object.keys(FACT_FILTERS);

/** One group of the engagement counts as Postgres returns it; `is_total` marks the ROLLUP row over all groups. */
export interface EngagementCountsRow extends Record<`action_${MpActionType}`, number> {
  key: string | null;
  is_total: boolean;
  cases: number;
  mps_contacted: number;
  contacts: number;
  responses: number;
  chases: number;
  meetings: number;
}

export interface DaysHistogramRow {
  key: string;
  measure: 'first' | 'substantive';
  days: number;
  n: number;
}

export interface WorkloadCountsRow {
  assignee_id: string | null;
  name: string | null;
  open: number;
  overdue: number;
  closed_this_month: number;
}

export interface SummaryCountsRow {
  new_today: number;
  unassigned: number;
  overdue: number;
  awaiting_mp: number;
  chases_due: number;
  contacts: number;
  responses: number;
}

/** The reports' SQL: aggregates over the read models of migration 1700000006000, and indexed counts over cases. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per group (and the total, the ROLLUP row). Whole months come from the monthly cells, part-months at the ends
   * from the facts; counts go by MP first, so MPs contacted is a count of small groups, not a DISTINCT sort.
   */
  engagementCounts(range: DateRange, groupBy: ReportGroupBy): Promise<EngagementCountsRow[]> {
    const { months, edges } = splitByMonth(range);
    const params: unknown[] = [UNKNOWN_GROUP_KEY];
    const param = (value: unknown) => `$${params.push(value)}`;
    const sources: string[] = [];
    if (months) {
      sources.push(`
        SELECT month, nullif(mp_id, 0) AS mp_id, nullif(party, '') AS party, nullif(nation, '') AS nation, nullif(region, '') AS region,
               ${COUNTS.join(', ')}
          FROM mp_engagement_monthly WHERE month >= ${param(months.from)} AND month < ${param(months.toExclusive)}`);
    }
    for (const edge of edges) {
      sources.push(`
        SELECT month, mp_id, party, nation, region, ${COUNTS.map((c) => `(${FACT_FILTERS[c]})::int AS ${c}`).join(', ')}
          FROM mp_engagement_facts WHERE occurred_on BETWEEN ${param(edge.from)} AND ${param(edge.to)}`);
    }
    return this.dataSource.query(
      `WITH per_mp AS (
         SELECT ${GROUP_KEY[groupBy]('$1')} AS key, mp_id, ${COUNTS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
           FROM (${sources.join('\n         UNION ALL')}) src
          GROUP BY ${GROUP_COLUMN[groupBy] === 'mp_id' ? 'mp_id' : `${GROUP_COLUMN[groupBy]}, mp_id`}
       )
       SELECT key, GROUPING(key) = 1 AS is_total, (count(*) FILTER (WHERE contacts > 0 AND mp_id IS NOT NULL))::int AS mps_contacted,
              ${COUNTS.map((c) => `coalesce(sum(${c}), 0)::int AS ${c}`).join(', ')}
         FROM per_mp GROUP BY ROLLUP (key)`,
      params,
    );
  }

  /**
   * Days to the first and to the first substantive response, per group, as histograms: whole months from the
   * monthly histograms, part-months (and MPs, which those have no column for) from the facts. One query per
   * measure, run side by side.
   */
  async responseDays(range: DateRange, groupBy: ReportGroupBy): Promise<DaysHistogramRow[]> {
    const [first, substantive] = await Promise.all([
      this.daysHistogram(range, groupBy, 'first'),
      this.daysHistogram(range, groupBy, 'substantive'),
    ]);
    return [...first, ...substantive];
  }

  private daysHistogram(
    range: DateRange,
    groupBy: ReportGroupBy,
    measure: DaysHistogramRow['measure'],
  ): Promise<DaysHistogramRow[]> {
    const { months, edges } = groupBy === 'mp' ? { months: null, edges: [range] } : splitByMonth(range);
    const days = measure === 'first' ? 'first_response_days' : 'substantive_days';
    const params: unknown[] = [UNKNOWN_GROUP_KEY, measure];
    const param = (value: unknown) => `$${params.push(value)}`;
    const sources: string[] = [];
    if (months) {
      sources.push(`
        SELECT month, NULL::integer AS mp_id, nullif(party, '') AS party, nullif(nation, '') AS nation, nullif(region, '') AS region, days, n
          FROM mp_response_days_monthly WHERE measure = $2 AND month >= ${param(months.from)} AND month < ${param(months.toExclusive)}`);
    }
    for (const edge of edges) {
      // first_response_days IS NOT NULL (a substantive response is a response) lets the partial covering index serve both.
      sources.push(`
        SELECT month, mp_id, party, nation, region, ${days} AS days, 1 AS n
          FROM mp_engagement_facts
         WHERE occurred_on BETWEEN ${param(edge.from)} AND ${param(edge.to)} AND kind = 'contact' AND first_response_days IS NOT NULL AND ${days} IS NOT NULL`);
    }
    return this.dataSource.query(
      `SELECT ${GROUP_KEY[groupBy]('$1')} AS key, $2::text AS measure, days, sum(n)::int AS n
         FROM (${sources.join('\n         UNION ALL')}) src
        GROUP BY ${GROUP_COLUMN[groupBy]}, days HAVING sum(n) > 0`,
      params,
    );
  }

  /** Responses to outbound contacts made in [from, to) whose date is a check-in click time (the partial index holds only those). */
  async approximateReplyDates(from: Date, toExclusive: Date): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n
         FROM mp_responses r JOIN mp_contacts c ON c.id = r.mp_contact_id
        WHERE r.received_at_source = 'click_approximate' AND c.direction = 'outbound'
          AND c.contacted_at >= $1 AND c.contacted_at < $2`,
      [from, toExclusive],
    );
    return row.n;
  }

  async mpNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows: { id: number; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM mps WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * Open, overdue and closed-this-month per assignee, with every active caseworker (even with nothing).
   * Open and recently closed cases are read through their own indexes (UNION ALL, not OR) so a million closed
   * cases are never scanned.
   */
  workload(now: Date, monthStart: Date): Promise<WorkloadCountsRow[]> {
    return this.dataSource.query(
      `WITH counted AS (
         SELECT assignee_id, count(*) AS open, count(*) FILTER (WHERE sla_due_at < $1) AS overdue, 0 AS closed_this_month
           FROM cases WHERE status <> 'closed' GROUP BY assignee_id
         UNION ALL
         SELECT assignee_id, 0, 0, count(*)
           FROM cases WHERE status = 'closed' AND status_changed_at >= $2 AND closed_at >= $2 GROUP BY assignee_id
       ),
       per_assignee AS (
         SELECT assignee_id, sum(open)::int AS open, sum(overdue)::int AS overdue, sum(closed_this_month)::int AS closed_this_month
           FROM counted GROUP BY assignee_id
       )
       SELECT coalesce(p.assignee_id, s.id) AS assignee_id, coalesce(u.name, s.name) AS name,
              coalesce(p.open, 0) AS open, coalesce(p.overdue, 0) AS overdue, coalesce(p.closed_this_month, 0) AS closed_this_month
         FROM per_assignee p
         FULL JOIN (SELECT id, name FROM staff_users WHERE active AND role = 'caseworker') s ON s.id = p.assignee_id
         LEFT JOIN staff_users u ON u.id = p.assignee_id
        ORDER BY coalesce(p.assignee_id, s.id) IS NULL, 2, 1`,
      [now, monthStart],
    );
  }

  topicsByNation(range: DateRange): Promise<{ topic: string; nation: string; cases: number }[]> {
    return this.dataSource.query(
      `SELECT topic, nation, sum(cases)::int AS cases FROM case_topic_days WHERE day BETWEEN $1 AND $2 GROUP BY 1, 2`,
      [range.from, range.to],
    );
  }

  /** The home widgets in one round trip; each count has an index of its own (see the cases and outbox migrations). */
  async summary(p: {
    now: Date;
    todayStart: Date;
    weekEnd: Date;
    awaitingSince: Date;
    contactsFrom: string;
    contactsTo: string;
  }): Promise<SummaryCountsRow> {
    const [row]: SummaryCountsRow[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM cases WHERE created_at >= $2)::int AS new_today,
              (SELECT count(*) FROM cases WHERE assignee_id IS NULL AND status <> 'closed')::int AS unassigned,
              (SELECT count(*) FROM cases WHERE sla_sort < $1)::int AS overdue,
              (SELECT count(*) FROM cases WHERE status = 'awaiting_mp' AND status_changed_at < $4)::int AS awaiting_mp,
              (SELECT count(*) FROM scheduled_emails
                WHERE status IN ('scheduled', 'sending') AND kind IN ('mp_chase', 'action_chase') AND due_at < $3)::int AS chases_due,
              f.contacts, f.responses
         FROM (SELECT count(*)::int AS contacts, (count(*) FILTER (WHERE responded_in_window))::int AS responses
                 FROM mp_engagement_facts WHERE kind = 'contact' AND occurred_on BETWEEN $5 AND $6) f`,
      [p.now, p.todayStart, p.weekEnd, p.awaitingSince, p.contactsFrom, p.contactsTo],
    );
    return row;
  }
}
