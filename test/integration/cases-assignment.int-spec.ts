import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { createSupporter, postCase, startCasesApi } from '../support/cases';
import { importDirectory } from '../support/directory';
import { createStaff, prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('cases: assignment', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let alice: Awaited<ReturnType<typeof signedInAgent>>;
  let admin: Awaited<ReturnType<typeof signedInAgent>>;
  let bob: Awaited<ReturnType<typeof createStaff>>;
  let supporter: SupporterDto;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startCasesApi();
    await importDirectory(app);
    alice = await signedInAgent(app, 'caseworker');
    admin = await signedInAgent(app, 'admin');
    bob = await createStaff(app, 'caseworker');
    supporter = await createSupporter(app);
  }, 90_000);
  afterAll(() => app?.close());

  const newCase = async () => (await postCase(alice.agent, supporter.id).expect(201)).body as CaseDetail;
  const assign = (id: string, assigneeId: unknown, agent = alice.agent) =>
    agent.post(`/api/cases/${id}/assign`).send({ assigneeId });
  const assignments = (id: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT from_assignee_id, to_assignee_id, method, actor_id FROM case_assignments WHERE case_id = $1 ORDER BY id`,
            [id],
          )
        ).rows,
    );
  const audits = (id: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT actor_id, action, details FROM audit_events WHERE entity_id = $1 AND action LIKE 'case.%assigned' ORDER BY id`,
            [id],
          )
        ).rows,
    );

  it('assigns to me, reassigns, and unassigns, each audited and on the timeline', async () => {
    const c = await newCase();
    expect((await assign(c.id, alice.user.id).expect(200)).body).toMatchObject({
      assigneeId: alice.user.id,
      assigneeName: alice.user.name,
    });
    expect((await assign(c.id, bob.id).expect(200)).body.assigneeId).toBe(bob.id);
    expect((await assign(c.id, null).expect(200)).body.assigneeId).toBeNull();
    expect(await assignments(c.id)).toEqual([
      { from_assignee_id: null, to_assignee_id: alice.user.id, method: 'manual', actor_id: alice.user.id },
      { from_assignee_id: alice.user.id, to_assignee_id: bob.id, method: 'manual', actor_id: alice.user.id },
      { from_assignee_id: bob.id, to_assignee_id: null, method: 'manual', actor_id: alice.user.id },
    ]);
    expect(await audits(c.id)).toEqual([
      {
        actor_id: alice.user.id,
        action: 'case.assigned',
        details: { from: null, to: alice.user.id, method: 'manual', self: true },
      },
      {
        actor_id: alice.user.id,
        action: 'case.assigned',
        details: { from: alice.user.id, to: bob.id, method: 'manual', self: false },
      },
      {
        actor_id: alice.user.id,
        action: 'case.unassigned',
        details: { from: bob.id, to: null, method: 'manual', self: false },
      },
    ]);
    const timeline = await alice.agent
      .get(`/api/cases/${c.id}/timeline`)
      .query({ filter: JSON.stringify({ kind: 'assignment' }) })
      .expect(200);
    expect(timeline.body.map((e: { data: { toAssigneeId: string | null } }) => e.data.toAssigneeId)).toEqual([
      null,
      bob.id,
      alice.user.id,
    ]);
  });

  it('does nothing (and records nothing) when the assignee is unchanged', async () => {
    const c = await newCase();
    await assign(c.id, bob.id).expect(200);
    await assign(c.id, bob.id).expect(200);
    expect(await assignments(c.id)).toHaveLength(1);
  });

  it('lets admins assign too, including to themselves', async () => {
    const c = await newCase();
    expect((await assign(c.id, admin.user.id, admin.agent).expect(200)).body.assigneeId).toBe(admin.user.id);
  });

  it('refuses a deactivated account, a viewer, an unknown user and a malformed id with 400 naming assigneeId', async () => {
    const c = await newCase();
    const inactive = await createStaff(app, 'caseworker');
    await withDb(env.databaseUrl, (db) =>
      db.query(`UPDATE staff_users SET active = false WHERE id = $1`, [inactive.id]),
    );
    const viewer = await createStaff(app, 'viewer');
    expect((await assign(c.id, inactive.id).expect(400)).body.fields.assigneeId).toContain('deactivated');
    expect((await assign(c.id, viewer.id).expect(400)).body.fields.assigneeId).toContain('viewer');
    expect((await assign(c.id, '00000000-0000-4000-8000-000000000000').expect(400)).body.fields).toEqual({
      assigneeId: 'is not a staff user',
    });
    expect((await assign(c.id, 'alice').expect(400)).body.fields).toHaveProperty('assigneeId');
    expect((await alice.agent.post(`/api/cases/${c.id}/assign`).send({}).expect(400)).body.fields).toHaveProperty(
      'assigneeId',
    );
    expect(await assignments(c.id)).toEqual([]);
    await assign('00000000-0000-4000-8000-000000000000', bob.id).expect(404);
  });

  describe('bulk', () => {
    const bulk = (body: Record<string, unknown>) => alice.agent.post('/api/cases/bulk-assign').send(body);

    it('assigns many cases at once, reporting which changed', async () => {
      const [a, b, c] = [await newCase(), await newCase(), await newCase()];
      await assign(c.id, bob.id).expect(200);
      const res = await bulk({ ids: [a.id, b.id, c.id, a.id], assigneeId: bob.id }).expect(200);
      expect(res.body.updated.sort()).toEqual([a.id, b.id].sort());
      expect(res.body.unchanged).toEqual([c.id]);
      for (const id of [a.id, b.id]) {
        expect(await assignments(id)).toEqual([
          { from_assignee_id: null, to_assignee_id: bob.id, method: 'bulk', actor_id: alice.user.id },
        ]);
        expect((await audits(id))[0]).toMatchObject({
          action: 'case.assigned',
          details: { method: 'bulk', to: bob.id },
        });
      }
      const cleared = await bulk({ ids: [a.id, b.id], assigneeId: null }).expect(200);
      expect(cleared.body.updated.sort()).toEqual([a.id, b.id].sort());
    });

    it('changes nothing when any id is unknown, and refuses bad input', async () => {
      const a = await newCase();
      const res = await bulk({ ids: [a.id, '00000000-0000-4000-8000-000000000000'], assigneeId: bob.id }).expect(400);
      expect(res.body.fields.ids).toContain('00000000-0000-4000-8000-000000000000');
      expect(await assignments(a.id)).toEqual([]);
      expect((await bulk({ ids: [], assigneeId: bob.id }).expect(400)).body.fields).toHaveProperty('ids');
      expect((await bulk({ ids: ['x'], assigneeId: bob.id }).expect(400)).body.fields).toHaveProperty('ids');
      expect((await bulk({ ids: Array(501).fill(a.id), assigneeId: bob.id }).expect(400)).body.fields).toHaveProperty(
        'ids',
      );
      expect((await bulk({ ids: [a.id] }).expect(400)).body.fields).toHaveProperty('assigneeId');
      const viewer = await createStaff(app, 'viewer');
      expect((await bulk({ ids: [a.id], assigneeId: viewer.id }).expect(400)).body.fields.assigneeId).toContain(
        'viewer',
      );
    });

    it('survives two overlapping bulk assignments at once without deadlock, leaving one consistent owner', async () => {
      const cases = await Promise.all(Array.from({ length: 12 }, () => newCase()));
      const ids = cases.map((c) => c.id);
      const [first, second] = await Promise.all([
        bulk({ ids, assigneeId: alice.user.id }),
        bulk({ ids: [...ids].reverse(), assigneeId: bob.id }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      const owners = await withDb(
        env.databaseUrl,
        async (db) => (await db.query(`SELECT DISTINCT assignee_id FROM cases WHERE id = ANY($1::uuid[])`, [ids])).rows,
      );
      expect(owners).toHaveLength(1);
      const rows = await withDb(
        env.databaseUrl,
        async (db) =>
          (await db.query(`SELECT count(*)::int AS n FROM case_assignments WHERE case_id = ANY($1::uuid[])`, [ids]))
            .rows[0].n,
      );
      expect(rows).toBe(24);
    });
  });

  it('serialises simultaneous single assignments of one case: the history chains without gaps', async () => {
    const c = await newCase();
    const targets = [alice.user.id, bob.id, admin.user.id, null, bob.id];
    await Promise.all(targets.map((t) => assign(c.id, t).expect(200)));
    const rows = await assignments(c.id);
    for (let i = 1; i < rows.length; i++) expect(rows[i].from_assignee_id).toBe(rows[i - 1].to_assignee_id);
    const final = (await alice.agent.get(`/api/cases/${c.id}`).expect(200)).body.assigneeId;
    expect(final).toBe(rows[rows.length - 1].to_assignee_id);
  });

  it('does not auto-assign new cases by default', async () => {
    const c = await newCase();
    expect(c.assigneeId).toBeNull();
  });
});
