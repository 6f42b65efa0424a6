import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import {
  CASE_FILTER_FIELDS,
  CASE_SORT_FIELDS,
  CASE_VIEW_SORTS,
  CASE_VIEWS,
  type SessionUser,
} from '@campaign-desk/contracts';
import { parseListQuery } from '@campaign-desk/server-core';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { encodeCursor } from '../../libs/server/cases/src/list/case-cursor';
import { toCaseListCriteria } from '../../libs/server/cases/src/list/case-list-criteria';
import { buildCaseListSql } from '../../libs/server/cases/src/list/case-list-sql';
import { EXACT_COUNT_CAP, resolveTotal } from '../../libs/server/cases/src/list/case-list.service';
import { startCasesApi } from '../support/cases';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';
import { ADMIN_DATABASE_URL } from '../support/test-env';
import { generateCaseData } from './generate';

/**
 * Case list latency at scale: generates 1M cases (300k supporters, 2M messages, 1M status-history
 * rows) in a database of its own, then times `GET /api/cases` over HTTP for each saved view, some
 * filters, search and a deep page, beside the same SQL (the page beside the planner's estimate, then
 * a capped count when the estimate is small) run through `pg` in the same run. Prints figures; asserts
 * only that the API and the SQL answer the same rows.
 */
const CASES = Number(process.env.CASES_BENCH_CASES ?? 1_000_000);
const SUPPORTERS = Number(process.env.CASES_BENCH_SUPPORTERS ?? 300_000);
const ITERATIONS = Number(process.env.CASES_BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
/** The deep page starts half way through the cases (offset 500,000 at 1M). */
const DEEP = Math.floor(CASES / 50) * 25;

jest.setTimeout(90 * 60_000);

interface Scenario {
  name: string;
  filter: Record<string, unknown>;
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

describe('case list benchmark', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let pool: Pool;
  let base: string;
  let cookie: string;
  let user: SessionUser;
  const lines: string[] = [];

  beforeAll(async () => {
    env = await prepareTestEnv({ SESSION_IDLE_MINUTES: String(24 * 60) });
    app = await startCasesApi();
    await importDirectory(app);
    const report = await generateCaseData(env.databaseUrl, {
      cases: CASES,
      supporters: SUPPORTERS,
      messagesPerCase: 2,
      caseworkers: 30,
    });
    lines.push(
      `Generated ${CASES.toLocaleString('en-GB')} cases, ${SUPPORTERS.toLocaleString('en-GB')} supporters, ${(CASES * 2).toLocaleString('en-GB')} messages, ${CASES.toLocaleString('en-GB')} status-history rows in ${(report.totalMs / 1000).toFixed(1)} s:`,
    );
    const indexMs = report.steps.filter((s) => s.step.startsWith('index ')).reduce((sum, s) => sum + s.ms, 0);
    for (const s of report.steps.filter((s) => !s.step.startsWith('index ')))
      lines.push(
        `  ${s.step.padEnd(16)} ${(s.ms / 1000).toFixed(1).padStart(7)} s${s.rows ? `  (${s.rows.toLocaleString('en-GB')} rows)` : ''}`,
      );
    lines.push(
      `  ${'rebuild indexes'.padEnd(16)} ${(indexMs / 1000).toFixed(1).padStart(7)} s  (${report.steps.filter((s) => s.step.startsWith('index ')).length} indexes)`,
    );
    const sizes = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class WHERE relname IN ('cases', 'messages', 'supporters') ORDER BY relname`,
          )
        ).rows,
    );
    lines.push(`  on disk (with indexes): ${sizes.map((r) => `${r.relname} ${r.size}`).join(', ')}`, '');

    const email = 'bench-caseworker-1@bench.local';
    await app.get(StaffUsersService).createOrReset({ email, role: 'caseworker', password: 'bench-password-123' });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-123' }),
    });
    expect(login.status).toBe(200);
    user = (await login.json()) as SessionUser;
    cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    pool = new Pool({ connectionString: env.databaseUrl, max: 10 });
  });

  afterAll(async () => {
    await pool?.end();
    await app?.close();
    if (env) {
      const name = new URL(env.databaseUrl).pathname.slice(1);
      await withDb(ADMIN_DATABASE_URL, (db) => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
    process.stdout.write(
      `\nCase list benchmark (Node ${process.version}, ${ITERATIONS} requests each after ${WARMUP} warm-up)\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`,
    );
  });

  /** The API over HTTP (session cookie, JSON parse), as a browser would call it. */
  async function viaApi(s: Scenario): Promise<{ ids: string[]; contentRange: string; estimated: string }> {
    const query = new URLSearchParams({
      sort: JSON.stringify(s.sort),
      range: JSON.stringify(s.range),
      filter: JSON.stringify(s.filter),
    });
    const res = await fetch(`${base}/api/cases?${query}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${s.name}: ${res.status} ${await res.text()}`);
    const rows = (await res.json()) as { id: string }[];
    return {
      ids: rows.map((r) => r.id),
      contentRange: res.headers.get('content-range') ?? '',
      estimated: res.headers.get('x-total-count-estimated') ?? '',
    };
  }

  /** The same statements the list service runs (page and capped count side by side, then the estimate if needed), straight through pg. */
  async function viaSql(s: Scenario): Promise<string[]> {
    const parsed = parseListQuery(
      { sort: JSON.stringify(s.sort), range: JSON.stringify(s.range), filter: JSON.stringify(s.filter) },
      {
        sortable: CASE_SORT_FIELDS,
        filterable: CASE_FILTER_FIELDS,
        defaultSort: { field: 'createdAt', order: 'DESC' },
        maxPageSize: 200,
      },
    );
    const sql = buildCaseListSql(toCaseListCriteria(parsed, true, user, new Date()), EXACT_COUNT_CAP);
    const [page, plan] = await Promise.all([
      pool.query(sql.page.text, sql.page.values),
      pool.query(`EXPLAIN (FORMAT JSON) ${sql.matching.text}`, sql.matching.values),
    ]);
    const estimate = Math.round(plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']);
    await resolveTotal(
      parsed.offset,
      parsed.limit,
      page.rows.length,
      estimate,
      async () => (await pool.query(sql.cappedCount.text, sql.cappedCount.values)).rows[0].n,
    );
    return page.rows.map((r: { id: string }) => r.id);
  }

  it('times the case list for each saved view, filters, search and deep pages', async () => {
    const deep = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT created_at::text AS v, id FROM cases ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT 1`,
            [DEEP - 1],
          )
        ).rows[0],
    );
    const busySeat = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT constituency_gss FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]
          .constituency_gss,
    );
    const first: [number, number] = [0, 24];
    const scenarios: Scenario[] = [
      { name: 'all cases, newest first', filter: {}, sort: ['createdAt', 'DESC'], range: first },
      ...CASE_VIEWS.map((view): Scenario => ({
        name: `view: ${view}`,
        filter: { view },
        sort: [CASE_VIEW_SORTS[view].field, CASE_VIEW_SORTS[view].order],
        range: first,
      })),
      {
        name: 'status awaiting_mp + priority high',
        filter: { status: 'awaiting_mp', priority: 'high' },
        sort: ['createdAt', 'DESC'],
        range: first,
      },
      {
        name: 'nation Scotland + topic medicines',
        filter: { nation: 'Scotland', topic: 'access_to_medicines' },
        sort: ['createdAt', 'DESC'],
        range: first,
      },
      { name: 'busiest constituency', filter: { constituencyId: busySeat }, sort: ['createdAt', 'DESC'], range: first },
      {
        name: 'created in a 30-day window',
        filter: { createdFrom: daysAgo(60), createdTo: daysAgo(31) },
        sort: ['createdAt', 'DESC'],
        range: first,
      },
      {
        name: 'search: reference',
        filter: { q: `CD-${Math.floor(CASES / 2)}` },
        sort: ['createdAt', 'DESC'],
        range: first,
      },
      {
        name: 'search: a surname (~1/60 of cases)',
        filter: { q: 'griffiths' },
        sort: ['createdAt', 'DESC'],
        range: first,
      },
      {
        name: 'search: two words in message text',
        filter: { q: 'biopsy tumour' },
        sort: ['createdAt', 'DESC'],
        range: first,
      },
      {
        name: `page ${DEEP / 25 + 1} by keyset cursor`,
        filter: { after: encodeCursor({ field: 'createdAt', order: 'DESC' }, deep.v, deep.id) },
        sort: ['createdAt', 'DESC'],
        range: [DEEP, DEEP + 24],
      },
      {
        name: `page ${DEEP / 25 + 1} by offset (no cursor)`,
        filter: {},
        sort: ['createdAt', 'DESC'],
        range: [DEEP, DEEP + 24],
      },
    ];
    // What every request pays before the list code runs: HTTP, the session lookup, JSON.
    const me = await time(async () => {
      const res = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
      await res.json();
    });
    const floor = percentile(me, 50);
    lines.push(
      `HTTP + session floor (GET /api/auth/me): p50 ${floor.toFixed(1)} ms, p95 ${percentile(me, 95).toFixed(1)} ms`,
    );
    lines.push(
      `"ratio" is API p50 / SQL p50; "less floor" is (API p50 - floor p50) / SQL p50, the cost of the list code itself.`,
      '',
    );
    lines.push(
      `${'scenario'.padEnd(38)} ${'API p50'.padStart(8)} ${'API p95'.padStart(8)} ${'SQL p50'.padStart(8)} ${'SQL p95'.padStart(8)} ${'ratio'.padStart(6)} ${'less floor'.padStart(10)}  total`,
    );
    for (const s of scenarios) {
      const api = await viaApi(s);
      expect(api.ids).toEqual(await viaSql(s));
      const apiTimes = await time(() => viaApi(s));
      const sqlTimes = await time(() => viaSql(s));
      const [a50, a95, s50, s95] = [
        percentile(apiTimes, 50),
        percentile(apiTimes, 95),
        percentile(sqlTimes, 50),
        percentile(sqlTimes, 95),
      ];
      const total = api.contentRange.split('/')[1] + (api.estimated === 'true' ? ' (estimated)' : '');
      lines.push(
        `${s.name.padEnd(38)} ${a50.toFixed(1).padStart(6)}ms ${a95.toFixed(1).padStart(6)}ms ${s50.toFixed(1).padStart(6)}ms ${s95.toFixed(1).padStart(6)}ms ${(a50 / s50).toFixed(2).padStart(5)}x ${(Math.max(0, a50 - floor) / s50).toFixed(2).padStart(9)}x  ${total} (${api.ids.length} rows)`,
      );
    }
  });
});
