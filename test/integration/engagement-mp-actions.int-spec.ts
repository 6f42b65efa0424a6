import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, MpActionDto } from '@campaign-desk/contracts';
import { londonDate } from '@campaign-desk/server-core';
import { caseInProgress, consentingSupporter } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** What the MP did (DESIGN §1.6): `POST/GET /api/mp-actions`, evidence links, the timeline. */
describe('engagement records: MP actions', () => {
  let env: TestEnv;
  let api: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;
  let found: CaseDetail;
  const today = londonDate(new Date());

  beforeAll(async () => {
    env = await prepareTestEnv();
    api = await startApi();
    await importDirectory(api);
    caseworker = await signedInAgent(api, 'caseworker');
    viewer = await signedInAgent(api, 'viewer');
    found = await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const record = (body: Record<string, unknown>) =>
    caseworker.agent
      .post('/api/mp-actions')
      .send({ caseId: found.id, type: 'wrote_to_trust_ceo', date: today, ...body });

  it('records an action with the case’s MP, audits it and shows it on the timeline', async () => {
    const res = await record({
      evidenceUrl: 'https://hansard.parliament.uk/commons/2026-11-20/debates/123',
      summary: 'Letter to the CEO about the delay',
    }).expect(201);
    const action = res.body as MpActionDto;
    expect(action).toMatchObject({
      caseId: found.id,
      mpId: found.mpId,
      type: 'wrote_to_trust_ceo',
      date: today,
      summary: 'Letter to the CEO about the delay',
    });
    expect(found.mpId).not.toBeNull();

    const timeline = (await caseworker.agent.get(`/api/cases/${found.id}/timeline`).expect(200)).body as {
      kind: string;
      data: { id: string };
    }[];
    expect(timeline.some((e) => e.kind === 'mp_action' && e.data.id === action.id)).toBe(true);
    const audit = await withDb(env.databaseUrl, (db) =>
      db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'mp_action.recorded'`, [found.id]),
    );
    expect(audit.rowCount).toBeGreaterThan(0);
  });

  it.each([
    ['javascript:alert(1)'],
    ['ftp://example.org/letter.pdf'],
    ['hansard.parliament.uk/commons'],
    ['data:text/html,<b>x</b>'],
  ])('refuses the evidence link %s with 400 naming evidenceUrl', async (evidenceUrl) => {
    const res = await record({ evidenceUrl }).expect(400);
    expect(res.body.fields).toHaveProperty('evidenceUrl');
  });

  it('refuses a future date, a non-date, an unknown type and an unknown case, naming the field', async () => {
    expect((await record({ date: '2999-01-01' }).expect(400)).body.fields).toHaveProperty('date');
    expect((await record({ date: '2026-02-30' }).expect(400)).body.fields).toHaveProperty('date');
    expect((await record({ type: 'tweeted' }).expect(400)).body.fields).toHaveProperty('type');
    expect((await record({ caseId: '00000000-0000-4000-8000-000000000000' }).expect(400)).body.fields).toHaveProperty(
      'caseId',
    );
  });

  it('records against another MP when given, and refuses an unknown one naming mpId', async () => {
    const mps = (await caseworker.agent.get('/api/mps').query({ range: '[0,1]' }).expect(200)).body as { id: number }[];
    const other = mps.find((m) => m.id !== found.mpId);
    expect(other).toBeDefined();
    const res = await record({ type: 'raised_with_minister', mpId: other?.id }).expect(201);
    expect((res.body as MpActionDto).mpId).toBe(other?.id);
    expect((await record({ mpId: 999_999_999 }).expect(400)).body.fields).toHaveProperty('mpId');
    expect((await record({ mpId: 'x' }).expect(400)).body.fields).toHaveProperty('mpId');
  });

  it('lists with filters by case, MP, type and date range, and refuses unknown filters', async () => {
    await record({ type: 'asked_pmq', date: '2026-01-15' }).expect(201);
    const list = await caseworker.agent
      .get('/api/mp-actions')
      .query({ filter: JSON.stringify({ caseId: found.id, type: 'asked_pmq' }) })
      .expect(200);
    expect((list.body as MpActionDto[]).map((a) => a.type)).toEqual(['asked_pmq']);
    expect(list.headers['content-range']).toMatch(/^mp-actions 0-0\/1$/);

    const ranged = await caseworker.agent
      .get('/api/mp-actions')
      .query({
        filter: JSON.stringify({ mpId: found.mpId, dateFrom: '2026-01-01', dateTo: '2026-01-31' }),
        sort: '["date","ASC"]',
      })
      .expect(200);
    expect((ranged.body as MpActionDto[]).map((a) => a.date)).toEqual(['2026-01-15']);

    await caseworker.agent
      .get('/api/mp-actions')
      .query({ filter: JSON.stringify({ dateFrom: '2026-02-01', dateTo: '2026-01-01' }) })
      .expect(400);
    await caseworker.agent
      .get('/api/mp-actions')
      .query({ filter: JSON.stringify({ summary: 'x' }) })
      .expect(400);
    await caseworker.agent.get('/api/mp-actions').query({ sort: '["summary","ASC"]' }).expect(400);
  });

  it('lets a viewer read without the summary, and not record', async () => {
    const list = await viewer.agent
      .get('/api/mp-actions')
      .query({ filter: JSON.stringify({ caseId: found.id }) })
      .expect(200);
    const rows = list.body as MpActionDto[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((a) => a.summary === null)).toBe(true);
    await viewer.agent.get(`/api/mp-actions/${rows[0].id}`).expect(200);
    await viewer.agent.post('/api/mp-actions').send({ caseId: found.id, type: 'other', date: today }).expect(403);
  });

  it('answers 404 for an unknown action', async () => {
    await caseworker.agent.get('/api/mp-actions/00000000-0000-4000-8000-000000000000').expect(404);
    await caseworker.agent.get('/api/mp-actions/not-a-uuid').expect(404);
  });
});
