import { Client } from 'pg';
import { startBulkLoad } from './generate';

/**
 * Engagement bench data on top of generateCaseData's cases, generated inside Postgres with INSERT … SELECT
 * over the cases (as generate.ts does, and for its reason: no rows cross the wire, which beats COPY
 * from the client). Deterministic from the case number n:
 * - an outbound contact for 4 cases in 5 (n % 5 <> 0), 1 to 10 days after the case opened; a second one
 *   35 days later for n % 7 = 0;
 * - a response to 3 contacts in 5, 0 to 44 days after (some past the 28-day window), acknowledgement,
 *   substantive or declined; a substantive follow-up 10 days after every fifth acknowledgement;
 * - an MP chase sent at 21 days for contacts not answered by then, a second at 35 days when still unanswered;
 * - a meeting for 1 case in 20 (held, upcoming or cancelled), an MP action for 1 in 12.
 * Nothing is dated in the future. Triggers are off while loading (session_replication_role = replica, like
 * generate.ts), so the read models are rebuilt at the end by the migration's own rebuild functions.
 */
export interface EngagementReport {
  steps: { step: string; ms: number; rows?: number }[];
  totalMs: number;
}

const TABLES = ['mp_contacts', 'mp_responses', 'scheduled_emails', 'meetings', 'mp_actions'];

export async function generateEngagementData(databaseUrl: string): Promise<EngagementReport> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const report: EngagementReport = { steps: [], totalMs: 0 };
  const started = performance.now();
  const step = async (name: string, sql: string) => {
    const t = performance.now();
    const result = await db.query(sql);
    report.steps.push({ step: name, ms: performance.now() - t, rows: result.rowCount ?? undefined });
  };
  try {
    const indexes = await startBulkLoad(db, TABLES);

    await step(
      'mp contacts',
      `INSERT INTO mp_contacts (case_id, mp_id, channel, direction, contacted_by, contacted_at, created_at)
       SELECT c.id, c.mp_id, CASE WHEN c.number % 3 = 0 THEN 'email' ELSE 'letter' END, 'outbound',
              CASE WHEN c.number % 4 = 0 THEN 'charity' ELSE 'supporter' END, x.at, x.at
         FROM cases c
        CROSS JOIN LATERAL (VALUES (c.created_at + make_interval(days => 1 + (c.number % 10)::int)),
                                   (CASE WHEN c.number % 7 = 0 THEN c.created_at + make_interval(days => 36 + (c.number % 10)::int) END)) x(at)
        WHERE c.number % 5 <> 0 AND c.mp_id IS NOT NULL AND x.at IS NOT NULL AND x.at < now()`,
    );
    // hash: a per-contact pseudo-random integer from its id.
    await db.query(`CREATE TEMP TABLE bench_contacts AS
      SELECT id, case_id, mp_id, contacted_at, abs(hashtext(id::text)) AS h FROM mp_contacts`);
    await step(
      'mp responses',
      `INSERT INTO mp_responses (case_id, mp_contact_id, mp_id, kind, received_at, source, created_at)
       SELECT case_id, id, mp_id, r.kind, r.at, 'staff', r.at
         FROM bench_contacts
        CROSS JOIN LATERAL (VALUES
          ((ARRAY['acknowledgement', 'acknowledgement', 'substantive', 'declined'])[1 + h % 4], contacted_at + make_interval(days => (h / 7 % 45)::int)),
          (CASE WHEN h % 4 < 2 AND h % 5 = 0 THEN 'substantive' END, contacted_at + make_interval(days => (h / 7 % 45)::int + 10))) r(kind, at)
        WHERE h % 5 < 3 AND r.kind IS NOT NULL AND r.at < now()`,
    );
    await step(
      'mp chases (sent)',
      `INSERT INTO scheduled_emails (case_id, mp_contact_id, kind, recipient_kind, status, due_at, sent_at, template_key, template_version,
                                     rfc_message_id, created_at, updated_at)
       SELECT b.case_id, b.id, 'mp_chase', 'mp', 'sent', b.contacted_at + make_interval(days => d), b.contacted_at + make_interval(days => d),
              'mp_chase', 1, 'bench-chase-' || b.id || '-' || d || '@bench.local', b.contacted_at, b.contacted_at
         FROM bench_contacts b CROSS JOIN (VALUES (21), (35)) v(d)
        WHERE b.contacted_at + make_interval(days => d) < now()
          AND NOT EXISTS (SELECT 1 FROM mp_responses r WHERE r.mp_contact_id = b.id AND r.received_at <= b.contacted_at + make_interval(days => d))`,
    );
    await step(
      'meetings',
      `INSERT INTO meetings (case_id, mp_id, type, status, starts_at, created_at, updated_at)
       SELECT id, mp_id, (ARRAY['in_person', 'virtual', 'surgery'])[1 + (number / 20 % 3)::int],
              CASE WHEN number % 60 = 0 THEN 'cancelled' WHEN created_at + interval '30 days' > now() THEN 'upcoming' ELSE 'held' END,
              created_at + interval '30 days', created_at, created_at
         FROM cases WHERE number % 20 = 0 AND mp_id IS NOT NULL AND created_at + interval '30 days' < now() + interval '60 days'`,
    );
    await step(
      'mp actions',
      `INSERT INTO mp_actions (case_id, mp_id, type, action_date, evidence_url, created_at)
       SELECT id, mp_id, (ARRAY['wrote_to_trust_ceo', 'raised_with_minister', 'asked_pmq', 'written_question', 'met_supporter', 'other'])[1 + (number / 12 % 6)::int],
              (created_at + interval '40 days')::date, 'https://hansard.parliament.uk/bench/' || number, created_at + interval '40 days'
         FROM cases WHERE number % 12 = 0 AND mp_id IS NOT NULL AND created_at + interval '40 days' < now()`,
    );
    for (const { indexname, indexdef } of indexes) await step(`index ${indexname}`, indexdef);
    await db.query(`SET session_replication_role = origin`);
    await step('rebuild mp_engagement_facts', `SELECT reports_rebuild_engagement()`);
    await step('rebuild case_topic_days', `SELECT reports_rebuild_case_topics()`);
    await step(
      'vacuum analyze',
      `VACUUM (ANALYZE) mp_contacts, mp_responses, scheduled_emails, meetings, mp_actions, mp_engagement_facts, case_topic_days`,
    );
  } finally {
    await db.end();
  }
  report.totalMs = performance.now() - started;
  return report;
}
