import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AuditEventDto, CaseDetail } from '@campaign-desk/contracts';
import { createSupporter, postCase, startCasesApi } from '../support/cases';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent } from '../support/test-app';

/** The audit log page's API: search by who, record, action and date; CSV export; the unusual-reading alert. */
describe('audit log', () => {
  let app: NestExpressApplication;
  let admin: Awaited<ReturnType<typeof signedInAgent>>;
  let casey: Awaited<ReturnType<typeof signedInAgent>>;
  let reader: Awaited<ReturnType<typeof signedInAgent>>;
  let cases: CaseDetail[];

  beforeAll(async () => {
    // A low threshold, so that reading five cases in a row raises the alert.
    await prepareTestEnv({ AUDIT_READ_ALERT_RECORDS: '4', AUDIT_READ_ALERT_MINUTES: '10' });
    app = await startCasesApi();
    await importDirectory(app);
    admin = await signedInAgent(app, 'admin');
    casey = await signedInAgent(app, 'caseworker');
    reader = await signedInAgent(app, 'caseworker');
    const supporter = await createSupporter(app);
    cases = [];
    for (let i = 0; i < 3; i++) cases.push((await postCase(casey.agent, supporter.id).expect(201)).body as CaseDetail);
  }, 90_000);
  afterAll(() => app?.close());

  const search = (filter: Record<string, unknown>) =>
    admin.agent.get('/api/audit-events').query({ filter: JSON.stringify(filter), range: '[0,99]' });

  it('finds who did what to a record', async () => {
    await casey.agent.get(`/api/cases/${cases[0].id}`).expect(200);
    const res = await search({ entityId: cases[0].id }).expect(200);
    const events = res.body as AuditEventDto[];
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['case.created', 'case.read']));
    expect(events.every((e) => e.entityId === cases[0].id)).toBe(true);
    const byCasey = (await search({ actorId: casey.user.id, action: 'case.read' }).expect(200)).body as AuditEventDto[];
    expect(byCasey.length).toBeGreaterThan(0);
    expect(byCasey.every((e) => e.actorId === casey.user.id && e.action === 'case.read')).toBe(true);
    expect(res.headers['content-range']).toMatch(/^audit-events 0-\d+\/\d+$/);
  });

  it('searches by date: a London day, or a range of instants', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const todays = (await search({ at_gte: today, at_lte: today }).expect(200)).body as AuditEventDto[];
    expect(todays.length).toBeGreaterThan(0);
    const none = (await search({ at_lte: '2020-01-01' }).expect(200)).body as AuditEventDto[];
    expect(none).toEqual([]);
    await search({ at_gte: '2026-12-02', at_lte: '2026-12-01' }).expect(400);
    await search({ at_gte: 'last tuesday' }).expect(400);
    await search({ at_lte: '2026-02-30' }).expect(400);
  });

  it('refuses a filter value it cannot search by, naming it', async () => {
    for (const filter of [{ action: 'case.teleported' }, { actorId: 'me' }, { entityType: 'DROP TABLE' }]) {
      const res = await search(filter).expect(400);
      expect(res.body.fields.filter).toContain(Object.keys(filter)[0]);
    }
  });

  it('exports the same events as CSV, streamed, and records the export', async () => {
    const filter = { actorId: casey.user.id };
    const json = (await search(filter).expect(200)).body as AuditEventDto[];
    const csv = await admin.agent
      .get('/api/audit-events')
      .query({ filter: JSON.stringify(filter) })
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actorId,action,entityType,entityId,ip,details');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(json.map((e) => e.id).reverse());
    const exports = (await search({ action: 'audit.exported', actorId: admin.user.id }).expect(200)).body;
    expect(exports).toHaveLength(1);
  });

  it('is for admins only', async () => {
    await casey.agent.get('/api/audit-events').expect(403);
    await casey.agent.get('/api/audit-events').set('Accept', 'text/csv').expect(403);
  });

  it('raises an alert when one account reads more records than the team normally does', async () => {
    for (let i = 0; i < 5; i++) await reader.agent.get(`/api/cases/${cases[i % cases.length].id}`).expect(200);
    const alerts = (await search({ action: 'audit.read_alert' }).expect(200)).body as AuditEventDto[];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ actorId: reader.user.id, entityId: reader.user.id, details: { records: 5 } });
    // Once per window: more reading raises no second alert.
    await reader.agent.get(`/api/cases/${cases[0].id}`).expect(200);
    expect((await search({ action: 'audit.read_alert' }).expect(200)).body).toHaveLength(1);
  });
});
