import type { ReportGroupBy } from '@campaign-desk/contracts';

/**
 * The baselines: each report as a plain GROUP BY over the base tables, as one would write it without a
 * read model ($1, $2: the range as London-midnight instants). Same definitions as the read model
 * (responses by their contact; party from the MP; nation and region from the case's seat).
 */
const KEY: Record<ReportGroupBy, string> = {
  mp: `coalesce(x.mp_id::text, 'unknown')`,
  party: `coalesce(m.party, 'unknown')`,
  nation: `coalesce(s.nation, 'unknown')`,
  region: `coalesce(s.region, 'unknown')`,
  month: `to_char(x.at AT TIME ZONE 'Europe/London', 'YYYY-MM')`,
};

const LONDON_DAYS = (later: string, earlier: string) =>
  `((${later}) AT TIME ZONE 'Europe/London')::date - ((${earlier}) AT TIME ZONE 'Europe/London')::date`;

export function naiveEngagementSql(groupBy: ReportGroupBy): string {
  return `
    WITH x AS (
      SELECT 'contact' AS kind, c.case_id, coalesce(c.mp_id, k.mp_id) AS mp_id, k.constituency_gss, c.contacted_at AS at,
             NOT EXISTS (SELECT 1 FROM mp_contacts e WHERE e.case_id = c.case_id AND e.direction = 'outbound'
                           AND (e.contacted_at, e.created_at, e.id) < (c.contacted_at, c.created_at, c.id)) AS first_of_case,
             ${LONDON_DAYS('(SELECT min(r.received_at) FROM mp_responses r WHERE r.mp_contact_id = c.id)', 'c.contacted_at')} AS first_days,
             ${LONDON_DAYS(`(SELECT min(r.received_at) FROM mp_responses r WHERE r.mp_contact_id = c.id AND r.kind = 'substantive')`, 'c.contacted_at')} AS substantive_days
        FROM mp_contacts c JOIN cases k ON k.id = c.case_id
       WHERE c.direction = 'outbound' AND c.contacted_at >= $1 AND c.contacted_at < $2
      UNION ALL
      SELECT 'chase', e.case_id, coalesce(mc.mp_id, k.mp_id), k.constituency_gss, e.sent_at, false, NULL, NULL
        FROM scheduled_emails e JOIN cases k ON k.id = e.case_id LEFT JOIN mp_contacts mc ON mc.id = e.mp_contact_id
       WHERE e.kind = 'mp_chase' AND e.status = 'sent' AND e.sent_at >= $1 AND e.sent_at < $2
      UNION ALL
      SELECT 'meeting', g.case_id, coalesce(g.mp_id, k.mp_id), k.constituency_gss, g.starts_at, false, NULL, NULL
        FROM meetings g JOIN cases k ON k.id = g.case_id
       WHERE g.status <> 'cancelled' AND g.starts_at >= $1 AND g.starts_at < $2
      UNION ALL
      SELECT 'action:' || a.type, a.case_id, coalesce(a.mp_id, k.mp_id), k.constituency_gss, a.action_date::timestamp AT TIME ZONE 'Europe/London', false, NULL, NULL
        FROM mp_actions a JOIN cases k ON k.id = a.case_id
       WHERE a.action_date >= ($1::timestamptz AT TIME ZONE 'Europe/London')::date AND a.action_date < ($2::timestamptz AT TIME ZONE 'Europe/London')::date
    )
    SELECT ${KEY[groupBy]} AS key,
           (count(*) FILTER (WHERE kind = 'contact'))::int AS contacts,
           (count(*) FILTER (WHERE kind = 'contact' AND first_of_case))::int AS cases,
           (count(DISTINCT x.mp_id) FILTER (WHERE kind = 'contact'))::int AS mps_contacted,
           (count(*) FILTER (WHERE kind = 'contact' AND first_days <= 28))::int AS responses,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY first_days) AS median_first,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY substantive_days) AS median_substantive,
           (count(*) FILTER (WHERE kind = 'chase'))::int AS chases,
           (count(*) FILTER (WHERE kind = 'meeting'))::int AS meetings,
           (count(*) FILTER (WHERE kind LIKE 'action:%'))::int AS actions
      FROM x LEFT JOIN mps m ON m.id = x.mp_id LEFT JOIN constituencies s ON s.gss_code = x.constituency_gss
     GROUP BY 1`;
}

export const naiveSql = {
  workload: `
    SELECT c.assignee_id, u.name,
           count(*) FILTER (WHERE c.status <> 'closed') AS open,
           count(*) FILTER (WHERE c.status <> 'closed' AND c.sla_due_at < now()) AS overdue,
           count(*) FILTER (WHERE c.status = 'closed' AND c.closed_at >= date_trunc('month', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London') AS closed_this_month
      FROM cases c LEFT JOIN staff_users u ON u.id = c.assignee_id
     GROUP BY 1, 2`,
  topics: `
    SELECT t AS topic, coalesce(nation, '') AS nation, count(*)::int AS cases
      FROM cases, unnest(topics) t
     WHERE created_at >= $1 AND created_at < $2
     GROUP BY 1, 2`,
  summary: `
    SELECT (SELECT count(*) FROM cases WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London') AS new_today,
           (SELECT count(*) FROM cases WHERE assignee_id IS NULL AND status <> 'closed') AS unassigned,
           (SELECT count(*) FROM cases WHERE status <> 'closed' AND sla_due_at < now()) AS overdue,
           (SELECT count(*) FROM cases WHERE status = 'awaiting_mp' AND status_changed_at < now() - interval '21 days') AS awaiting_mp,
           (SELECT count(*) FROM scheduled_emails WHERE status IN ('scheduled', 'sending') AND kind IN ('mp_chase', 'action_chase')
               AND due_at < date_trunc('week', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London' + interval '7 days') AS chases_due,
           (SELECT row(count(*), count(*) FILTER (WHERE EXISTS (
                      SELECT 1 FROM mp_responses r WHERE r.mp_contact_id = c.id AND r.received_at < c.contacted_at + interval '29 days')))
              FROM mp_contacts c WHERE c.direction = 'outbound' AND c.contacted_at >= now() - interval '118 days' AND c.contacted_at < now() - interval '28 days') AS rate`,
};
