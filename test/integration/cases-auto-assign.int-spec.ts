import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { createSupporter, postCase, startCasesApi } from '../support/cases';
import { importDirectory } from '../support/directory';
import { createStaff, prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('cases: round-robin auto-assignment (AUTO_ASSIGN=true, AUTO_ASSIGN_MAX_OPEN=2)', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let admin: Awaited<ReturnType<typeof signedInAgent>>;
  let team: string[];
  let supporter: SupporterDto;

  beforeAll(async () => {
    env = await prepareTestEnv({ AUTO_ASSIGN: 'true', AUTO_ASSIGN_MAX_OPEN: '2' });
    app = await startCasesApi();
    await importDirectory(app);
    // Admins and viewers never get auto-assigned cases, nor do deactivated caseworkers.
    admin = await signedInAgent(app, 'admin');
    await createStaff(app, 'viewer');
    const gone = await createStaff(app, 'caseworker');
    await withDb(env.databaseUrl, (db) => db.query(`UPDATE staff_users SET active = false WHERE id = $1`, [gone.id]));
    team = [];
    for (let i = 0; i < 3; i++) team.push((await createStaff(app, 'caseworker')).id);
    supporter = await createSupporter(app);
  }, 90_000);
  afterAll(() => app?.close());

  const create = async () => (await postCase(admin.agent, supporter.id).expect(201)).body as CaseDetail;
  const openLoads = () =>
    withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT assignee_id, count(*)::int AS n FROM cases WHERE status <> 'closed' GROUP BY assignee_id`,
      );
      return Object.fromEntries(rows.map((r) => [r.assignee_id ?? 'nobody', r.n]));
    });

  it('takes turns among active caseworkers, audited and on the timeline as automatic', async () => {
    const first = await create();
    const second = await create();
    const third = await create();
    expect([first.assigneeId, second.assigneeId, third.assigneeId]).toEqual(team);
    const history = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT method, actor_id, to_assignee_id FROM case_assignments WHERE case_id = $1`, [first.id]))
          .rows,
    );
    expect(history).toEqual([{ method: 'auto', actor_id: null, to_assignee_id: team[0] }]);
    const audit = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(`SELECT action, details FROM audit_events WHERE entity_id = $1 AND action = 'case.assigned'`, [
            first.id,
          ])
        ).rows,
    );
    expect(audit).toEqual([{ action: 'case.assigned', details: { from: null, to: team[0], method: 'auto' } }]);
  });

  it('stays fair when cases are created at the same moment, and skips anyone at the open-case limit', async () => {
    const created = await Promise.all([create(), create(), create(), create()]);
    // Three fill everyone up to two open cases; the fourth finds nobody under the limit.
    const assigned = created.map((c) => c.assigneeId);
    expect(assigned.filter((a) => a === null)).toHaveLength(1);
    expect(await openLoads()).toEqual({ [team[0]]: 2, [team[1]]: 2, [team[2]]: 2, nobody: 1 });
  });

  it('gives the next case to whoever falls back under the limit', async () => {
    const mine = await withDb(
      env.databaseUrl,
      async (db) => (await db.query(`SELECT id FROM cases WHERE assignee_id = $1 LIMIT 1`, [team[1]])).rows[0].id,
    );
    await admin.agent.post(`/api/cases/${mine}/transition`).send({ to: 'closed', outcome: 'withdrawn' }).expect(200);
    expect((await create()).assigneeId).toBe(team[1]);
    expect((await create()).assigneeId).toBeNull();
  });
});
