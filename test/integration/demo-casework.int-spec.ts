import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { seedDemoCasework } from '../../apps/api/src/cli/demo-casework';
import { seedDemoSupporters } from '../../apps/api/src/cli/demo-supporters';
import { DEMO_USERS } from '../../apps/api/src/cli/demo-users';
import { importDirectory } from '../support/directory';
import { eventually } from '../support/smtp-sink';
import { prepareTestEnv, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** `npm start`'s demo casework: a triage inbox, cases across the workflow, chase plans; seeded once. */
describe('demo casework', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  const output: string[] = [];

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startApi();
    await importDirectory(app);
    await seedDemoSupporters(app.get(DirectoryService), app.get(SupportersService));
    for (const user of DEMO_USERS) await app.get(StaffUsersService).createOrReset(user);
    await seedDemoCasework(app, (text) => output.push(text));
    worker = await startWorker();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const query = <T>(sql: string) => withDb(env.databaseUrl, async (db) => (await db.query(sql)).rows as T[]);

  it('puts supporter emails in the triage inbox, parsed by the worker when it starts', async () => {
    const rows = await eventually(async () => {
      const parsed = await query<{ classification: string; n: number }>(
        `SELECT classification, count(*)::int AS n FROM messages WHERE direction = 'in' GROUP BY 1 ORDER BY 1`,
      );
      return parsed.reduce((sum, r) => sum + r.n, 0) >= 5 ? parsed : undefined;
    });
    expect(rows.find((r) => r.classification === 'request')?.n).toBeGreaterThanOrEqual(4);
    expect(output.join('')).toMatch(/Demo triage inbox: 5 emails stored/);
  });

  it('creates cases across the workflow, with chase plans where the MP was contacted', async () => {
    const statuses = await query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 1`,
    );
    expect(Object.fromEntries(statuses.map((r) => [r.status, r.n]))).toEqual({
      new: 2,
      triaged: 1,
      in_progress: 2,
      awaiting_mp: 3,
      on_hold: 1,
      closed: 1,
    });
    const contacts = await query<{ n: number }>(`SELECT count(*)::int AS n FROM mp_contacts`);
    expect(contacts[0].n).toBe(3);
    const pending = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scheduled_emails WHERE status = 'scheduled'`,
    );
    expect(pending[0].n).toBeGreaterThan(0);
  });

  it('creates nothing twice when seeded again', async () => {
    const again: string[] = [];
    await seedDemoCasework(app, (text) => again.push(text));
    expect(again.join('')).toMatch(/0 emails stored[\s\S]*already there/);
    const cases = await query<{ n: number }>(`SELECT count(*)::int AS n FROM cases`);
    expect(cases[0].n).toBe(10);
  });
});
