import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { Pool } from 'pg';
import type { MpEngagementReport } from '@campaign-desk/contracts';
import { addCalendarDays, londonDate, londonTime } from '@campaign-desk/server-core';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';
import { ADMIN_DATABASE_URL } from '../support/test-env';
import { generateCaseData } from './generate';
import { generateEngagementData } from './generate-engagement';
import { naiveEngagementSql, naiveSql } from './reports-naive-sql';

/**
 * Report latency at scale: 1M cases (generate.ts) with their MP contacts, responses, chases, meetings and
 * MP actions (generate-engagement.ts), then each report through the API over HTTP beside the naive
 * GROUP BY over the base tables, in the same run. Prints p50/p95; asserts the API and the naive SQL agree
 * on the engagement figures. Size: REPORTS_BENCH_CASES (default 1,000,000).
 */
const CASES = Number(process.env.REPORTS_BENCH_CASES ?? 1_000_000);
const ITERATIONS = Number(process.env.REPORTS_BENCH_ITERATIONS ?? 100);
const NAIVE_ITERATIONS = Number(process.env.REPORTS_BENCH_NAIVE_ITERATIONS ?? 10);
const WARMUP = 5;
/** Keep the generated database (REPORTS_BENCH_KEEP=1), or time one kept earlier (REPORTS_BENCH_DATABASE=<name>) without generating. */
const KEEP = process.env.REPORTS_BENCH_KEEP === '1';
const REUSE = process.env.REPORTS_BENCH_DATABASE;

jest.setTimeout(120 * 60_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(fn: () => Promise<unknown>, iterations: number): Promise<number[]> {
  for (let i = 0; i < Math.min(WARMUP, iterations); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

describe('reports benchmark', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let pool: Pool;
  let base: string;
  let cookie: string;
  const lines: string[] = [];
  const today = londonDate(new Date());
  const lastYear = { from: addCalendarDays(today, -364), to: today };
  const fiveYears = { from: addCalendarDays(today, -1829), to: today };

  beforeAll(async () => {
    env = await prepareTestEnv({ SESSION_IDLE_MINUTES: String(24 * 60) });
    if (REUSE) {
      const fresh = env.databaseUrl;
      env = { ...env, databaseUrl: Object.assign(new URL(fresh), { pathname: `/${REUSE}` }).toString() };
      process.env.DATABASE_URL = env.databaseUrl;
      await withDb(ADMIN_DATABASE_URL, (db) =>
        db.query(`DROP DATABASE IF EXISTS "${new URL(fresh).pathname.slice(1)}" WITH (FORCE)`),
      );
      app = await startApi();
      lines.push(
        `Timing the kept database ${REUSE} (${(await withDb(env.databaseUrl, (db) => db.query(`SELECT count(*)::int AS n FROM cases`))).rows[0].n.toLocaleString('en-GB')} cases).`,
      );
    } else {
      app = await startApi();
      await importDirectory(app);
      await generate();
      if (KEEP) await keep();
    }
    await signIn();
  });

  async function generate(): Promise<void> {
    const cases = await generateCaseData(env.databaseUrl, {
      cases: CASES,
      supporters: Math.round(CASES * 0.3),
      messagesPerCase: 2,
      caseworkers: 30,
    });
    const engagement = await generateEngagementData(env.databaseUrl);
    lines.push(
      `Generated ${CASES.toLocaleString('en-GB')} cases in ${(cases.totalMs / 1000).toFixed(1)} s, then engagement in ${(engagement.totalMs / 1000).toFixed(1)} s:`,
    );
    for (const s of engagement.steps.filter((s) => !s.step.startsWith('index ')))
      lines.push(
        `  ${s.step.padEnd(28)} ${(s.ms / 1000).toFixed(1).padStart(7)} s${s.rows ? `  (${s.rows.toLocaleString('en-GB')} rows)` : ''}`,
      );
    const sizes = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS size, (SELECT count(*) FROM mp_engagement_facts) AS facts FROM pg_class WHERE relname IN ('mp_engagement_facts', 'case_topic_days', 'mp_contacts') ORDER BY relname`,
          )
        ).rows,
    );
    lines.push(
      `  on disk: ${sizes.map((r) => `${r.relname} ${r.size}`).join(', ')}; ${Number(sizes[0]?.facts ?? 0).toLocaleString('en-GB')} fact rows`,
      '',
    );
  }

  /** Renames the generated database out of cd_test_* (test runs drop those) and carries on with it. */
  async function keep(): Promise<void> {
    const kept = `reports_bench_${CASES}`;
    const current = new URL(env.databaseUrl).pathname.slice(1);
    await app.close();
    await withDb(ADMIN_DATABASE_URL, async (db) => {
      await db.query(`DROP DATABASE IF EXISTS "${kept}" WITH (FORCE)`);
      for (let attempt = 0; ; attempt++) {
        try {
          await db.query(`ALTER DATABASE "${current}" RENAME TO "${kept}"`);
          break;
        } catch (error) {
          if (attempt > 40) throw error; // an autovacuum worker may still be connected
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    });
    env = { ...env, databaseUrl: Object.assign(new URL(env.databaseUrl), { pathname: `/${kept}` }).toString() };
    process.env.DATABASE_URL = env.databaseUrl;
    app = await startApi();
  }

  async function signIn(): Promise<void> {
    const email = 'bench-viewer-reports@bench.local';
    await app.get(StaffUsersService).createOrReset({ email, role: 'viewer', password: 'bench-password-123' });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-123' }),
    });
    expect(login.status).toBe(200);
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    pool = new Pool({ connectionString: env.databaseUrl, max: 10 });
  }

  afterAll(async () => {
    await pool?.end();
    await app?.close();
    if (env && (KEEP || REUSE))
      lines.push(
        `Kept database: ${new URL(env.databaseUrl).pathname.slice(1)} (time it again with REPORTS_BENCH_DATABASE=<that name>)`,
      );
    else if (env) {
      const name = new URL(env.databaseUrl).pathname.slice(1);
      await withDb(ADMIN_DATABASE_URL, (db) => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
    process.stdout.write(
      `\nReports benchmark (Node ${process.version}, API ${ITERATIONS} requests and naive SQL ${NAIVE_ITERATIONS} runs each, after warm-up)\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`,
    );
  });

  async function api(path: string, accept = 'application/json'): Promise<unknown> {
    const res = await fetch(`${base}${path}`, { headers: { cookie, accept } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return accept === 'text/csv' ? res.text() : res.json();
  }

  it('agrees with the naive GROUP BY on the engagement figures', async () => {
    const report = (await api(
      `/api/reports/mp-engagement?from=${lastYear.from}&to=${lastYear.to}&groupBy=nation`,
    )) as MpEngagementReport;
    const sql = naiveEngagementSql('nation');
    const naive = (await pool.query(sql, [londonTime(lastYear.from), londonTime(addCalendarDays(lastYear.to, 1))]))
      .rows;
    for (const row of naive) {
      expect(report.rows.find((r) => r.key === row.key)).toMatchObject({
        contacts: row.contacts,
        responses: row.responses,
        cases: row.cases,
        mpsContacted: row.mps_contacted,
        medianDaysToFirstResponse: row.median_first,
        medianDaysToSubstantive: row.median_substantive,
        chasesSent: row.chases,
        meetings: row.meetings,
      });
    }
  });

  it('times every report beside the naive GROUP BY', async () => {
    const q = (r: { from: string; to: string }) => `from=${r.from}&to=${r.to}`;
    const bounds = (r: { from: string; to: string }) => [londonTime(r.from), londonTime(addCalendarDays(r.to, 1))];
    const scenarios: { name: string; path: string; accept?: string; naive: string; params: unknown[] }[] = [
      ...(['mp', 'party', 'nation', 'region', 'month'] as const).map((g) => ({
        name: `engagement by ${g}, 12 months`,
        path: `/api/reports/mp-engagement?${q(lastYear)}&groupBy=${g}`,
        naive: naiveEngagementSql(g),
        params: bounds(lastYear),
      })),
      {
        name: 'engagement by party, 5 years',
        path: `/api/reports/mp-engagement?${q(fiveYears)}&groupBy=party`,
        naive: naiveEngagementSql('party'),
        params: bounds(fiveYears),
      },
      {
        name: 'engagement by mp, 5 years',
        path: `/api/reports/mp-engagement?${q(fiveYears)}&groupBy=mp`,
        naive: naiveEngagementSql('mp'),
        params: bounds(fiveYears),
      },
      {
        name: 'engagement by month, 5 years, CSV',
        path: `/api/reports/mp-engagement?${q(fiveYears)}&groupBy=month`,
        accept: 'text/csv',
        naive: naiveEngagementSql('month'),
        params: bounds(fiveYears),
      },
      { name: 'workload', path: '/api/reports/workload', naive: naiveSql.workload, params: [] },
      {
        name: 'topics by nation, 12 months',
        path: `/api/reports/topics-by-nation?${q(lastYear)}`,
        naive: naiveSql.topics,
        params: bounds(lastYear),
      },
      {
        name: 'topics by nation, 5 years',
        path: `/api/reports/topics-by-nation?${q(fiveYears)}`,
        naive: naiveSql.topics,
        params: bounds(fiveYears),
      },
      { name: 'home summary', path: '/api/reports/summary', naive: naiveSql.summary, params: [] },
    ];
    lines.push(
      `${'report'.padEnd(36)} ${'API p50'.padStart(8)} ${'API p95'.padStart(8)} ${'naive p50'.padStart(10)} ${'naive p95'.padStart(10)} ${'speed-up'.padStart(9)}`,
    );
    let worst = 0;
    for (const s of scenarios) {
      const apiTimes = await time(() => api(s.path, s.accept), ITERATIONS);
      const naiveTimes = await time(() => pool.query(s.naive, s.params), NAIVE_ITERATIONS);
      const [a50, a95, n50, n95] = [
        percentile(apiTimes, 50),
        percentile(apiTimes, 95),
        percentile(naiveTimes, 50),
        percentile(naiveTimes, 95),
      ];
      worst = Math.max(worst, a95);
      lines.push(
        `${s.name.padEnd(36)} ${a50.toFixed(1).padStart(6)}ms ${a95.toFixed(1).padStart(6)}ms ${n50.toFixed(1).padStart(8)}ms ${n95.toFixed(1).padStart(8)}ms ${(n50 / a50).toFixed(1).padStart(8)}x`,
      );
    }
    lines.push(
      '',
      `Worst API p95: ${worst.toFixed(1)} ms (target: under 200 ms). Load average during the run: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} on ${cpus().length} cores.`,
    );

    // The cost the read model puts on writes: one contact, one response, one chase marked sent (triggers included).
    const [sample] = (await pool.query(`SELECT id, case_id FROM mp_contacts ORDER BY contacted_at DESC LIMIT 1`)).rows;
    const writes = await time(async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          `INSERT INTO mp_contacts (case_id, channel, direction, contacted_by, contacted_at) VALUES ($1, 'letter', 'outbound', 'supporter', now()) RETURNING id`,
          [sample.case_id],
        );
        await client.query(
          `INSERT INTO mp_responses (case_id, mp_contact_id, kind, received_at, source) VALUES ($1, $2, 'substantive', now(), 'staff')`,
          [sample.case_id, rows[0].id],
        );
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
    }, 50);
    lines.push(
      `Write cost with the triggers (insert a contact + a response, rolled back): p50 ${percentile(writes, 50).toFixed(1)} ms, p95 ${percentile(writes, 95).toFixed(1)} ms`,
    );
  });
});
