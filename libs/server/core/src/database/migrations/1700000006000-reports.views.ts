/**
 * The SQL of migration 1700000006000 (reports) that its functions and triggers are built from: the engagement facts
 * of some cases, and how fact rows roll up into the monthly tables. Part of that migration's snapshot: a later
 * migration that changes these functions copies what it needs, never imports this module.
 */
export const CHANGED_CASES = (rows: string) => `ARRAY(SELECT DISTINCT case_id FROM ${rows} WHERE case_id IS NOT NULL)`;
/**
 * The facts of some cases, computed from the base tables: the refresh (cases = ANY(case_ids)) and the
 * full rebuild (every case) share it. Written out for each, so each gets its own plan (per-case
 * index lookups for the refresh, hash joins for the rebuild).
 */
export const engagementSource = (inCases: (column: string) => string) => `
        WITH contacts AS (
          SELECT c.id, c.case_id, coalesce(c.mp_id, k.mp_id) AS mp_id, c.contacted_at, k.constituency_gss,
                 row_number() OVER (PARTITION BY c.case_id ORDER BY c.contacted_at, c.created_at, c.id) = 1 AS first_of_case
            FROM mp_contacts c JOIN cases k ON k.id = c.case_id
           WHERE c.direction = 'outbound' AND ${inCases('c.case_id')}
        ),
        answered AS (
          -- A response answers its contact, or else the case's latest outbound contact at or before it.
          SELECT coalesce(r.mp_contact_id, (
                   SELECT c.id FROM contacts c WHERE c.case_id = r.case_id AND c.contacted_at <= r.received_at
                    ORDER BY c.contacted_at DESC, c.id DESC LIMIT 1)) AS contact_id,
                 r.kind, r.received_at
            FROM mp_responses r
           WHERE ${inCases('r.case_id')}
        ),
        firsts AS (
          SELECT contact_id, min(received_at) AS first_at, min(received_at) FILTER (WHERE kind = 'substantive') AS substantive_at
            FROM answered WHERE contact_id IS NOT NULL GROUP BY contact_id
        ),
        activity AS (
          SELECT c.id AS source_id, 'contact' AS kind, c.case_id, c.mp_id, c.constituency_gss, c.contacted_at AS at,
                 c.first_of_case, f.first_at, f.substantive_at, NULL::text AS action_type
            FROM contacts c LEFT JOIN firsts f ON f.contact_id = c.id
          UNION ALL
          SELECT e.id, 'chase', e.case_id, coalesce(mc.mp_id, k.mp_id), k.constituency_gss, e.sent_at, false, NULL, NULL, NULL
            FROM scheduled_emails e JOIN cases k ON k.id = e.case_id LEFT JOIN mp_contacts mc ON mc.id = e.mp_contact_id
           WHERE e.kind = 'mp_chase' AND e.status = 'sent' AND ${inCases('e.case_id')}
          UNION ALL
          SELECT m.id, 'meeting', m.case_id, coalesce(m.mp_id, k.mp_id), k.constituency_gss, m.starts_at, false, NULL, NULL, NULL
            FROM meetings m JOIN cases k ON k.id = m.case_id
           WHERE m.status <> 'cancelled' AND ${inCases('m.case_id')}
          UNION ALL
          SELECT a.id, 'action', a.case_id, coalesce(a.mp_id, k.mp_id), k.constituency_gss,
                 a.action_date::timestamp AT TIME ZONE 'Europe/London', false, NULL, NULL, a.type
            FROM mp_actions a JOIN cases k ON k.id = a.case_id
           WHERE ${inCases('a.case_id')}
        )
        SELECT a.source_id, a.kind, a.case_id, a.mp_id,
               coalesce(t.party, mp.party), coalesce(ts.nation, cs.nation), coalesce(ts.region, cs.region),
               d.day, date_trunc('month', d.day)::date,
               a.first_of_case,
               coalesce(rd.first_days <= 28, false), rd.first_days, rd.substantive_days, a.action_type
          FROM activity a
          CROSS JOIN LATERAL (SELECT (a.at AT TIME ZONE 'Europe/London')::date AS day) d
          CROSS JOIN LATERAL (
            SELECT (a.first_at AT TIME ZONE 'Europe/London')::date - d.day AS first_days,
                   (a.substantive_at AT TIME ZONE 'Europe/London')::date - d.day AS substantive_days
          ) rd
          LEFT JOIN mps mp ON mp.id = a.mp_id
          LEFT JOIN LATERAL (
            SELECT t.party, t.constituency_gss FROM mp_tenures t
             WHERE t.mp_id = a.mp_id AND (t.start_date IS NULL OR t.start_date <= d.day)
             ORDER BY t.start_date DESC NULLS LAST LIMIT 1
          ) t ON true
          LEFT JOIN constituencies ts ON ts.gss_code = t.constituency_gss
          LEFT JOIN constituencies cs ON cs.gss_code = a.constituency_gss
         WHERE a.at IS NOT NULL
`;
const ACTION_TYPES = [
  'wrote_to_trust_ceo',
  'raised_with_minister',
  'asked_pmq',
  'written_question',
  'met_supporter',
  'other',
];
export const MONTHLY_COUNTS: [column: string, filter: string][] = [
  ['contacts', `kind = 'contact'`],
  ['cases', `kind = 'contact' AND first_of_case`],
  ['responses', `kind = 'contact' AND responded_in_window`],
  ['chases', `kind = 'chase'`],
  ['meetings', `kind = 'meeting'`],
  ...ACTION_TYPES.map((t): [string, string] => [`action_${t}`, `kind = 'action' AND action_type = '${t}'`]),
];
/** Adds (or, for deleted facts, takes away) a statement's fact rows to their monthly cells, in key order so concurrent writers lock cells alike. */
export const rollUp = (rows: string, sign: '' | '-') => `
  INSERT INTO mp_engagement_monthly AS m (month, mp_id, party, nation, region, ${MONTHLY_COUNTS.map(([c]) => c).join(', ')})
  SELECT month, coalesce(mp_id, 0), coalesce(party, ''), coalesce(nation, ''), coalesce(region, ''),
         ${MONTHLY_COUNTS.map(([, f]) => `${sign}count(*) FILTER (WHERE ${f})`).join(', ')}
    FROM ${rows} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (month, mp_id, party, nation, region) DO UPDATE SET ${MONTHLY_COUNTS.map(([c]) => `${c} = m.${c} + EXCLUDED.${c}`).join(', ')}`;

/** The same for the day histograms of answered contacts (medians cannot be added up, histograms can). */
export const rollUpDays = (rows: string, sign: '' | '-') => `
  INSERT INTO mp_response_days_monthly AS h (month, party, nation, region, measure, days, n)
  SELECT month, coalesce(party, ''), coalesce(nation, ''), coalesce(region, ''), v.measure, v.days, ${sign}count(*)
    FROM ${rows} CROSS JOIN LATERAL (VALUES ('first', first_response_days), ('substantive', substantive_days)) v(measure, days)
   WHERE kind = 'contact' AND v.days IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (month, party, nation, region, measure, days) DO UPDATE SET n = h.n + EXCLUDED.n`;

/** Facts are written by case refreshes and by single chases, possibly at once: the later write wins, neither fails. */
const FACT_COLUMNS = [
  'kind',
  'case_id',
  'mp_id',
  'party',
  'nation',
  'region',
  'occurred_on',
  'month',
  'first_of_case',
  'responded_in_window',
  'first_response_days',
  'substantive_days',
  'action_type',
];
export const UPSERT_FACT = `ON CONFLICT (source_id) DO UPDATE SET ${FACT_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

export const ENGAGEMENT_TABLES = ['mp_contacts', 'mp_responses', 'meetings', 'mp_actions'];
