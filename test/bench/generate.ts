import { Client } from 'pg';

/**
 * Bench data, generated inside Postgres with INSERT … SELECT over generate_series (no rows cross
 * the wire, which beats COPY from the client): staff, supporters spread over the real constituencies,
 * cases over five years with realistic statuses, two messages per case and the status history.
 * Needs a migrated database with the directory imported (constituencies, MPs, tenures).
 *
 * While loading, the tables' secondary indexes are dropped and rebuilt afterwards, and foreign-key
 * triggers are off (session_replication_role = replica): the data is consistent by construction.
 */
export interface GenerateOptions {
  cases: number;
  supporters: number;
  /** Messages per case (each case also gets one status-history row). */
  messagesPerCase: number;
  caseworkers: number;
}

export interface GenerateReport {
  steps: { step: string; ms: number; rows?: number }[];
  totalMs: number;
}

const TABLES = ['supporters', 'cases', 'messages', 'case_status_changes'];

const FIRST = [
  'Olivia',
  'Amelia',
  'Isla',
  'Ava',
  'Mia',
  'Grace',
  'Aisha',
  'Priya',
  'Fatima',
  'Siobhan',
  'Oliver',
  'George',
  'Noah',
  'Arthur',
  'Mohammed',
  'Leo',
  'Harry',
  'Jack',
  'Rhys',
  'Callum',
  'Eilidh',
  'Niamh',
  'Dylan',
  'Seren',
  'Finlay',
];
const LAST = [
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Wilson',
  'Thomas',
  'Johnson',
  'Roberts',
  'Robinson',
  'Thompson',
  'Wright',
  'Walker',
  'White',
  'Edwards',
  'Hughes',
  'Green',
  'Hall',
  'Lewis',
  'Harris',
  'Clarke',
  'Patel',
  'Jackson',
  'Wood',
  'Turner',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'Clark',
  'Lee',
  'King',
  'Baker',
  'Harrison',
  'Morgan',
  'Allen',
  'James',
  'Scott',
  'Phillips',
  'Watson',
  'Davis',
  'Parker',
  'Price',
  'Bennett',
  'Young',
  'Griffiths',
  'Campbell',
  'Kelly',
  'MacDonald',
  'Murray',
  'Reid',
  'Khan',
  'Ali',
  'Hussain',
  'Begum',
  'Shah',
];
const WORDS = [
  'appointment',
  'cancelled',
  'oncology',
  'referral',
  'scan',
  'biopsy',
  'chemotherapy',
  'radiotherapy',
  'surgery',
  'waiting',
  'weeks',
  'months',
  'consultant',
  'ward',
  'nurse',
  'letter',
  'results',
  'delayed',
  'pain',
  'treatment',
  'hospital',
  'trust',
  'drug',
  'funding',
  'approved',
  'refused',
  'mum',
  'dad',
  'husband',
  'wife',
  'daughter',
  'son',
  'diagnosis',
  'stage',
  'tumour',
  'clinic',
  'phone',
  'nobody',
  'called',
  'back',
  'again',
  'urgent',
  'please',
  'help',
  'MP',
  'write',
  'complaint',
  'PALS',
  'pathway',
  'target',
];
const SUBJECTS = [
  'Waiting for my scan results',
  'Surgery cancelled again',
  'Help with a cancer drug',
  'Nobody has called me back',
  'Complaint about my care',
  'Two week wait referral',
  'My mum is still waiting',
  'Radiotherapy delayed',
  'Can my MP help?',
  'Treatment refused',
  'Chemotherapy postponed',
  'Question about my case',
];
const TRUSTS = [
  'Barts Health NHS Trust',
  "Guy's and St Thomas' NHS FT",
  'Leeds Teaching Hospitals NHS Trust',
  'NHS Greater Glasgow and Clyde',
  'Cardiff and Vale UHB',
  'Belfast HSC Trust',
  'Manchester University NHS FT',
  'The Christie NHS FT',
  'Royal Marsden NHS FT',
  'University Hospitals Birmingham NHS FT',
];

const array = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
/** A deterministic pick from a list by an integer expression. */
const pick = (values: string[], expr: string) => `(${array(values)})[1 + ((${expr}) % ${values.length})::int]`;
/** Twelve words of message text, varying with `expr`. */
const text = (expr: string) =>
  Array.from({ length: 12 }, (_, k) => pick(WORDS, `(${expr}) * ${k * 7 + 3} + ${k * 11}`)).join(` || ' ' || `);

/**
 * Readies a session to bulk-load `tables`: triggers and foreign-key checks off (replica role), no commit
 * wait, room to build indexes; drops the tables' secondary indexes and answers them, to rebuild after loading.
 */
export async function startBulkLoad(db: Client, tables: string[]): Promise<{ indexname: string; indexdef: string }[]> {
  await db.query(`SET session_replication_role = replica`);
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query(`SET max_parallel_maintenance_workers = 2`);
  const { rows: indexes } = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    [tables],
  );
  for (const { indexname } of indexes) await db.query(`DROP INDEX "${indexname}"`);
  return indexes;
}

export async function generateCaseData(databaseUrl: string, options: GenerateOptions): Promise<GenerateReport> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const report: GenerateReport = { steps: [], totalMs: 0 };
  const started = performance.now();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await db.query(sql, params);
    report.steps.push({ step: name, ms: performance.now() - t, rows: result.rowCount ?? undefined });
  };
  try {
    const indexes = await startBulkLoad(db, TABLES);

    await step(
      'staff users',
      `INSERT INTO staff_users (email, name, role, password_hash)
       SELECT 'bench-caseworker-' || i || '@bench.local', 'Caseworker ' || i, 'caseworker', 'not-a-hash' FROM generate_series(1, $1) i
       UNION ALL SELECT 'bench-admin-' || i || '@bench.local', 'Admin ' || i, 'admin', 'not-a-hash' FROM generate_series(1, 3) i
       UNION ALL SELECT 'bench-viewer-' || i || '@bench.local', 'Viewer ' || i, 'viewer', 'not-a-hash' FROM generate_series(1, 3) i`,
      [options.caseworkers],
    );
    await db.query(`
      CREATE TEMP TABLE bench_seats AS
      SELECT row_number() OVER (ORDER BY c.gss_code) AS n, c.gss_code, c.nation, c.region, m.id AS mp_id, m.name AS mp_name, m.party
        FROM constituencies c
        LEFT JOIN mp_tenures t ON t.constituency_gss = c.gss_code AND t.end_date IS NULL
        LEFT JOIN mps m ON m.id = t.mp_id`);
    const { rows: seatCount } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_seats`);
    if (seatCount[0].n === 0) throw new Error('import the directory before generating bench data');

    await step(
      'supporters',
      `INSERT INTO supporters (name, email, email_normalised, postcode, constituency_gss, constituency_method, created_at, updated_at)
       SELECT ${pick(FIRST, 'i')} || ' ' || ${pick(LAST, `i / ${FIRST.length}`)},
              'supporter' || i || '@example.org', 'supporter' || i || '@example.org',
              'ZZ' || (i % 99) || ' ' || (i % 9) || 'AA', s.gss_code, 'exact',
              now() - make_interval(secs => i * 520), now() - make_interval(secs => i * 520)
         FROM generate_series(1, $1) i
         JOIN bench_seats s ON s.n = 1 + (i * 7) % ${seatCount[0].n}`,
      [options.supporters],
    );
    await db.query(`
      CREATE TEMP TABLE bench_supporters AS
      SELECT row_number() OVER (ORDER BY s.created_at DESC, s.id) AS rn, s.id, s.name, s.email::text AS email, b.*
        FROM supporters s JOIN bench_seats b ON b.gss_code = s.constituency_gss`);
    await db.query(`CREATE UNIQUE INDEX ON bench_supporters (rn)`);
    await db.query(`ANALYZE bench_supporters`);

    // Cases over five years, newest first (i = 1 is the newest). Recent cases are spread over the
    // workflow; older ones are mostly closed, with a few long-running ones still open.
    await step(
      'cases',
      `WITH cw AS (SELECT array_agg(id ORDER BY email) AS ids FROM staff_users WHERE role = 'caseworker'),
       g AS (
         SELECT i::bigint AS i, now() - make_interval(secs => i * 157) AS created,
                CASE WHEN i <= 60000 THEN ${pick(['new', 'triaged', 'in_progress', 'in_progress', 'awaiting_mp', 'awaiting_mp', 'mp_responded', 'follow_up', 'on_hold', 'closed', 'closed', 'closed'], 'i * 7')}
                     WHEN i % 33 = 0 THEN ${pick(['in_progress', 'awaiting_mp', 'mp_responded', 'follow_up', 'on_hold'], 'i / 33')}
                     ELSE 'closed' END AS status
           FROM generate_series(1, $1) i
       ),
       h AS (SELECT g.*, LEAST(now(), created + make_interval(days => 1 + (i % 40)::int)) AS changed FROM g)
       INSERT INTO cases (number, supporter_id, supporter_name, supporter_email, constituency_gss, nation, region, mp_id, mp_name, party,
                          topics, trust, priority, assignee_id, status, held_from_status, outcome, summary,
                          first_response_due_at, first_responded_at, next_update_due_at, sla_due_at,
                          status_changed_at, created_at, updated_at, closed_at, search_messages)
       SELECT $1 + 1 - h.i, s.id, s.name, s.email, s.gss_code, s.nation, s.region, s.mp_id, s.mp_name, s.party,
              CASE WHEN h.i % 3 = 0 THEN ARRAY[${pick(['diagnosis_delay', 'treatment_waiting_time', 'access_to_medicines', 'quality_of_care', 'communication', 'other'], 'h.i')}, 'communication']
                   ELSE ARRAY[${pick(['diagnosis_delay', 'treatment_waiting_time', 'access_to_medicines', 'quality_of_care', 'communication', 'other'], 'h.i')}] END,
              ${pick(TRUSTS, 'h.i / 3')},
              ${pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'], 'h.i')},
              CASE WHEN h.status <> 'closed' AND h.i % 7 = 0 THEN NULL ELSE (SELECT ids FROM cw)[1 + h.i % array_length((SELECT ids FROM cw), 1)] END,
              h.status,
              CASE WHEN h.status = 'on_hold' THEN 'in_progress' END,
              CASE WHEN h.status = 'closed' THEN ${pick(['resolved', 'resolved', 'unresolved', 'withdrawn'], 'h.i')} END,
              'Story of case ' || h.i,
              h.created + interval '2 days',
              CASE WHEN h.status IN ('new', 'triaged') THEN NULL ELSE LEAST(now(), h.created + interval '1 day') END,
              CASE WHEN h.status IN ('closed', 'new', 'triaged') THEN NULL ELSE h.changed + interval '14 days' END,
              CASE WHEN h.status IN ('closed', 'on_hold') THEN NULL
                   WHEN h.status IN ('new', 'triaged') THEN h.created + interval '2 days'
                   ELSE h.changed + interval '14 days' END,
              h.changed, h.created, h.changed,
              CASE WHEN h.status = 'closed' THEN h.changed END,
              setweight(to_tsvector('simple', ${pick(SUBJECTS, 'h.i')}), 'C') || setweight(to_tsvector('simple', ${text('h.i')}), 'D')
         FROM h JOIN bench_supporters s ON s.rn = 1 + (h.i * 7919) % $2`,
      [options.cases, options.supporters],
    );
    await db.query(`SELECT setval('case_number_seq', $1)`, [options.cases]);

    await step(
      'messages',
      `INSERT INTO messages (direction, rfc_message_id, from_address, from_name, subject, text_body, snippet, received_at, sent_at,
                             classification, status, case_id, case_reference, supporter_id)
       SELECT CASE WHEN k = 1 THEN 'in' ELSE 'out' END,
              'bench-' || c.number || '-' || k || '@bench.local',
              CASE WHEN k = 1 THEN c.supporter_email ELSE 'campaigns@campaign-desk.local' END,
              CASE WHEN k = 1 THEN c.supporter_name ELSE 'Campaigns team' END,
              CASE WHEN k = 1 THEN ${pick(SUBJECTS, 'c.number')} ELSE 'Re: ' || ${pick(SUBJECTS, 'c.number')} || ' [' || c.reference || ']' END,
              ${text('c.number')}, left(${text('c.number')}, 200),
              c.created_at + make_interval(hours => k - 1), CASE WHEN k > 1 THEN c.created_at + make_interval(hours => k - 1) END,
              CASE WHEN k = 1 THEN 'request' END, CASE WHEN k = 1 THEN 'linked' ELSE 'sent' END,
              c.id, c.reference, c.supporter_id
         FROM cases c CROSS JOIN generate_series(1, $1) k`,
      [options.messagesPerCase],
    );
    await step(
      'status history',
      `INSERT INTO case_status_changes (case_id, from_status, to_status, at) SELECT id, NULL, 'new', created_at FROM cases`,
    );

    for (const { indexname, indexdef } of indexes) await step(`index ${indexname}`, indexdef);
    await db.query(`SET session_replication_role = origin`);
    await step('vacuum analyze', `VACUUM (ANALYZE) supporters, cases, messages, case_status_changes, staff_users`);
  } finally {
    await db.end();
  }
  report.totalMs = performance.now() - started;
  return report;
}
