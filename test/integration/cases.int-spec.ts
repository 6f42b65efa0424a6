import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { CaseDetail, SupporterDto } from '@campaign-desk/contracts';
import { SupporterMergeService } from '@campaign-desk/server-supporters';
import { createSupporter, postCase, startCasesApi } from '../support/cases';
import { importDirectory } from '../support/directory';
import { createStaff, prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('cases: create, read, edit, privacy and audit', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;
  let supporter: SupporterDto;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startCasesApi();
    await importDirectory(app);
    caseworker = await signedInAgent(app, 'caseworker');
    viewer = await signedInAgent(app, 'viewer');
    supporter = await createSupporter(app);
  }, 90_000);
  afterAll(() => app?.close());

  const auditRows = (entityId: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT actor_id, action, details FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 ORDER BY id`,
            [entityId],
          )
        ).rows,
    );
  const newCase = async (over: Record<string, unknown> = {}) =>
    (await postCase(caseworker.agent, supporter.id, over).expect(201)).body as CaseDetail;

  it("creates a case with a CD reference, the supporter's constituency and MP, and an audit event", async () => {
    const body = await newCase({
      topics: ['diagnosis_delay', 'communication'],
      priority: 'high',
      summary: 'Scan delayed\nfor weeks',
      trust: 'Royal Free London NHS FT',
    });
    expect(body).toMatchObject({
      reference: expect.stringMatching(/^CD-\d+$/),
      supporterId: supporter.id,
      supporterName: supporter.name,
      constituencyId: 'E14001290',
      constituencyName: 'Holborn and St Pancras',
      nation: 'England',
      region: 'London',
      mpId: expect.any(Number),
      mpName: expect.any(String),
      party: expect.any(String),
      topics: ['diagnosis_delay', 'communication'],
      priority: 'high',
      status: 'new',
      assigneeId: null,
      summary: 'Scan delayed\nfor weeks',
      trust: 'Royal Free London NHS FT',
      allowedTransitions: ['triaged', 'on_hold', 'closed'],
      overdue: false,
      supporter: expect.objectContaining({ id: supporter.id, email: supporter.email }),
    });
    expect(body.firstResponseDueAt).not.toBeNull();
    expect(body.slaDueAt).toBe(body.firstResponseDueAt);
    expect(await auditRows(body.id)).toEqual([
      {
        actor_id: caseworker.user.id,
        action: 'case.created',
        details: expect.objectContaining({ reference: body.reference, supporterId: supporter.id }),
      },
    ]);
  });

  it('numbers cases from one sequence', async () => {
    const a = await newCase();
    const b = await newCase();
    expect(Number(b.reference.slice(3))).toBe(Number(a.reference.slice(3)) + 1);
  });

  it.each([
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['no topics', { topics: [] }, 'topics'],
    ['an unknown topic', { topics: ['astrology'] }, 'topics'],
    ['a repeated topic', { topics: ['other', 'other'] }, 'topics'],
    ['an unknown priority', { priority: 'critical' }, 'priority'],
    ['a supporterId that is not an id', { supporterId: 'bob' }, 'supporterId'],
    ['a messageId that is not an id', { messageId: 'abc' }, 'messageId'],
    ['a story that is too long', { summary: 'x'.repeat(50_001) }, 'summary'],
  ])('answers 400 naming the field for %s', async (_label, over, field) => {
    const res = await postCase(caseworker.agent, supporter.id, over).expect(400);
    expect(res.body.fields).toHaveProperty(field);
  });

  it('answers 400 naming supporterId for a supporter that does not exist, and messageId for a message that does not', async () => {
    const missing = await postCase(caseworker.agent, '00000000-0000-4000-8000-000000000000').expect(400);
    expect(missing.body.fields).toEqual({ supporterId: 'is not a supporter' });
    const noMessage = await postCase(caseworker.agent, supporter.id, {
      messageId: '00000000-0000-4000-8000-000000000000',
    }).expect(400);
    expect(noMessage.body.fields).toEqual({ messageId: 'is not a message' });
    const count = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM cases WHERE supporter_id = $1`, [supporter.id])).rows[0].n,
    );
    const before = count;
    await postCase(caseworker.agent, supporter.id, { messageId: '00000000-0000-4000-8000-000000000000' }).expect(400);
    expect(
      await withDb(
        env.databaseUrl,
        async (db) =>
          (await db.query(`SELECT count(*)::int AS n FROM cases WHERE supporter_id = $1`, [supporter.id])).rows[0].n,
      ),
    ).toBe(before);
  });

  it('refuses a case for a merged supporter', async () => {
    const source = await createSupporter(app);
    const target = await createSupporter(app);
    await app.get(SupporterMergeService).merge(source.id, target.id, { id: null });
    const res = await postCase(caseworker.agent, source.id).expect(400);
    expect(res.body.fields.supporterId).toContain(target.id);
  });

  it('lets viewers read but not create, edit or act', async () => {
    const created = await newCase();
    await postCase(viewer.agent, supporter.id).expect(403);
    await viewer.agent.put(`/api/cases/${created.id}`).send({ priority: 'low' }).expect(403);
    await viewer.agent.post(`/api/cases/${created.id}/transition`).send({ to: 'triaged' }).expect(403);
    await viewer.agent.post(`/api/cases/${created.id}/assign`).send({ assigneeId: null }).expect(403);
    await viewer.agent.post(`/api/cases/${created.id}/notes`).send({ body: 'hello' }).expect(403);
    await viewer.agent.get('/api/cases/assignees').expect(403);
    await request(app.getHttpServer()).get(`/api/cases/${created.id}`).expect(401);
  });

  it("redacts the story and the supporter's contact details for viewers, on the server", async () => {
    const created = await newCase({ summary: 'Diagnosed with stage 3 cancer in March' });
    const res = await viewer.agent.get(`/api/cases/${created.id}`).expect(200);
    expect(res.body.summary).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('stage 3');
    expect(res.body.supporter).toMatchObject({ id: supporter.id, name: null });
    expect(res.body.supporterName).toBeNull();
    expect(res.body.supporter).not.toHaveProperty('email');
    expect(JSON.stringify(res.body)).not.toContain(supporter.email);
    expect(JSON.stringify(res.body)).not.toContain(supporter.name);
    const list = await viewer.agent
      .get('/api/cases')
      .query({ filter: JSON.stringify({ id: [created.id] }) })
      .expect(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).not.toHaveProperty('summary');
    expect(list.body[0].supporterName).toBeNull();
    const full = await caseworker.agent.get(`/api/cases/${created.id}`).expect(200);
    expect(full.body.summary).toBe('Diagnosed with stage 3 cancer in March');
  });

  it("audits every read of a case's details, by anyone", async () => {
    const created = await newCase();
    await caseworker.agent.get(`/api/cases/${created.id}`).expect(200);
    await viewer.agent.get(`/api/cases/${created.reference}`).expect(200);
    const reads = (await auditRows(created.id)).filter((r) => r.action === 'case.read');
    expect(reads).toEqual([
      { actor_id: caseworker.user.id, action: 'case.read', details: { redacted: false } },
      { actor_id: viewer.user.id, action: 'case.read', details: { redacted: true } },
    ]);
  });

  it('finds a case by reference, and answers 404 for anything else', async () => {
    const created = await newCase();
    expect((await caseworker.agent.get(`/api/cases/${created.reference.toLowerCase()}`).expect(200)).body.id).toBe(
      created.id,
    );
    await caseworker.agent.get('/api/cases/00000000-0000-4000-8000-000000000000').expect(404);
    await caseworker.agent.get('/api/cases/CD-999999999').expect(404);
    await caseworker.agent.get('/api/cases/not-a-case').expect(404);
  });

  it('edits topics, priority, trust and story, ignoring the read-only fields react-admin sends back, and audits the fields', async () => {
    const created = await newCase();
    const res = await caseworker.agent
      .put(`/api/cases/${created.id}`)
      .send({
        ...created,
        topics: ['access_to_medicines'],
        priority: 'urgent',
        trust: 'Barts Health',
        summary: 'Updated story',
        status: 'closed',
        assigneeId: caseworker.user.id,
      })
      .expect(200);
    expect(res.body).toMatchObject({
      topics: ['access_to_medicines'],
      priority: 'urgent',
      trust: 'Barts Health',
      summary: 'Updated story',
      status: 'new',
      assigneeId: null,
    });
    const updated = (await auditRows(created.id)).find((r) => r.action === 'case.updated');
    expect(updated?.details.fields.sort()).toEqual(['priority', 'summary', 'topics', 'trust']);
    expect(JSON.stringify(updated)).not.toContain('Updated story');
  });

  it('changes the constituency (the MP follows) and the MP on its own, refusing unknown ones', async () => {
    const created = await newCase();
    const moved = await caseworker.agent
      .put(`/api/cases/${created.id}`)
      .send({ constituencyId: 'E14001172' })
      .expect(200);
    expect(moved.body).toMatchObject({ constituencyId: 'E14001172', nation: 'England' });
    expect(moved.body.mpId).not.toBe(created.mpId);
    const back = await caseworker.agent.put(`/api/cases/${created.id}`).send({ mpId: created.mpId }).expect(200);
    expect(back.body).toMatchObject({
      constituencyId: 'E14001172',
      mpId: created.mpId,
      mpName: created.mpName,
      party: created.party,
    });
    expect(
      (await caseworker.agent.put(`/api/cases/${created.id}`).send({ constituencyId: 'E99999999' }).expect(400)).body
        .fields,
    ).toEqual({ constituencyId: 'is not a known constituency' });
    expect(
      (await caseworker.agent.put(`/api/cases/${created.id}`).send({ constituencyId: 'nowhere' }).expect(400)).body
        .fields,
    ).toHaveProperty('constituencyId');
    expect(
      (await caseworker.agent.put(`/api/cases/${created.id}`).send({ mpId: 999_999_999 }).expect(400)).body.fields,
    ).toEqual({ mpId: 'is not a known MP' });
    expect(
      (await caseworker.agent.put(`/api/cases/${created.id}`).send({ mpId: 'x' }).expect(400)).body.fields,
    ).toHaveProperty('mpId');
    await caseworker.agent.put('/api/cases/00000000-0000-4000-8000-000000000000').send({ priority: 'low' }).expect(404);
  });

  it("moves a merged supporter's cases to the surviving record", async () => {
    const source = await createSupporter(app, { name: 'Merge Source' });
    const target = await createSupporter(app, { name: 'Merge Target' });
    const created = (await postCase(caseworker.agent, source.id).expect(201)).body as CaseDetail;
    await app.get(SupporterMergeService).merge(source.id, target.id, { id: null });
    const after = (await caseworker.agent.get(`/api/cases/${created.id}`).expect(200)).body as CaseDetail;
    expect(after).toMatchObject({ supporterId: target.id, supporterName: target.name });
  });

  it('lists who a case can be assigned to: active admins and caseworkers with their open cases', async () => {
    const inactive = await createStaff(app, 'caseworker');
    await withDb(env.databaseUrl, (db) =>
      db.query(`UPDATE staff_users SET active = false WHERE id = $1`, [inactive.id]),
    );
    const created = await newCase();
    await caseworker.agent.post(`/api/cases/${created.id}/assign`).send({ assigneeId: caseworker.user.id }).expect(200);
    const res = await caseworker.agent.get('/api/cases/assignees').expect(200);
    const ids = res.body.map((a: { id: string }) => a.id);
    expect(ids).toContain(caseworker.user.id);
    expect(ids).not.toContain(viewer.user.id);
    expect(ids).not.toContain(inactive.id);
    expect(res.body.find((a: { id: string }) => a.id === caseworker.user.id)).toMatchObject({
      role: 'caseworker',
      openCases: 1,
    });
  });
});
