import type { NestExpressApplication } from '@nestjs/platform-express';
import type {
  CaseDetail,
  HomeSummary,
  MpEngagementReport,
  TopicsByNationReport,
  WorkloadReport,
} from '@campaign-desk/contracts';
import { londonDate } from '@campaign-desk/server-core';
import { createSupporter, postCase } from '../support/cases';
import { caseInProgress, consentingSupporter } from '../support/correspondence';
import { insertChase, insertContact, insertResponse, parseCsv, plusDays, startReportsApi } from '../support/reports';
import { createStaff, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** Workload, topics by nation, the home summary, and the read model following writes made through the API. */
describe('reports: workload, topics, summary', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;
  const today = () => londonDate(new Date());
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    withDb(env.databaseUrl, async (db) => (await db.query(text, params)).rows as T[]);

  beforeAll(async () => {
    ({ env, app, caseworker, viewer } = await startReportsApi());
  }, 90_000);
  afterAll(() => app?.close());

  it('workload: open, overdue and closed this month per caseworker, idle caseworkers included; CSV audited', async () => {
    const busy = await createStaff(app, 'caseworker');
    const idle = await createStaff(app, 'caseworker');
    const supporter = await createSupporter(app);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(((await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail).id);
    await sql(`UPDATE cases SET assignee_id = $1 WHERE id = ANY($2::uuid[])`, [busy.id, ids.slice(0, 3)]);
    await sql(`UPDATE cases SET sla_due_at = now() - interval '1 hour' WHERE id = $1`, [ids[0]]);
    await sql(`UPDATE cases SET sla_due_at = now() + interval '1 day' WHERE id = $1`, [ids[1]]);
    await sql(
      `UPDATE cases SET status = 'closed', outcome = 'resolved', closed_at = now(), status_changed_at = now(), sla_due_at = NULL WHERE id = $1`,
      [ids[2]],
    );
    const report = (await viewer.agent.get('/api/reports/workload').expect(200)).body as WorkloadReport;
    expect(report.rows.find((r) => r.assigneeId === busy.id)).toEqual({
      assigneeId: busy.id,
      name: busy.name,
      open: 2,
      overdue: 1,
      closedThisMonth: 1,
    });
    expect(report.rows.find((r) => r.assigneeId === idle.id)).toEqual({
      assigneeId: idle.id,
      name: idle.name,
      open: 0,
      overdue: 0,
      closedThisMonth: 0,
    });
    const [open] = await sql<{ unassigned: number; open: number }>(
      `SELECT count(*) FILTER (WHERE assignee_id IS NULL)::int AS unassigned, count(*)::int AS open FROM cases WHERE status <> 'closed'`,
    );
    expect(report.rows.at(-1)).toMatchObject({ assigneeId: null, name: 'Unassigned', open: open.unassigned });
    expect(report.total.open).toBe(open.open);

    const csv = await viewer.agent.get('/api/reports/workload').set('Accept', 'text/csv').expect(200);
    const { header, rows } = parseCsv(csv.text);
    expect(header).toEqual(['assigneeId', 'name', 'open', 'overdue', 'closedThisMonth']);
    expect(rows.find((r) => r[0] === busy.id)).toEqual([busy.id, busy.name, '2', '1', '1']);
    expect(rows.at(-1)).toEqual([
      'total',
      'total',
      String(report.total.open),
      String(report.total.overdue),
      String(report.total.closedThisMonth),
    ]);
    expect(await sql(`SELECT actor_id, entity_id FROM audit_events WHERE action = 'report.exported'`)).toEqual([
      { actor_id: viewer.user.id, entity_id: 'workload' },
    ]);
    await viewer.agent.get('/api/reports/workload?from=2025-01-01').expect(400);
  });

  it('topics by nation: cases created in the range, once per topic, following topic edits', async () => {
    const scot = await createSupporter(app, { nation: 'Scotland' });
    const wales = await createSupporter(app, { nation: 'Wales' });
    const before = (await viewer.agent.get(`/api/reports/topics-by-nation?from=${today()}&to=${today()}`).expect(200))
      .body as TopicsByNationReport;
    const count = (r: TopicsByNationReport, topic: string, nation: 'Scotland' | 'Wales') =>
      r.rows.find((x) => x.topic === topic)?.byNation[nation];
    await postCase(caseworker.agent, scot.id, { topics: ['diagnosis_delay', 'communication'] }).expect(201);
    await postCase(caseworker.agent, scot.id, { topics: ['diagnosis_delay'] }).expect(201);
    const welsh = (await postCase(caseworker.agent, wales.id, { topics: ['access_to_medicines'] }).expect(201))
      .body as CaseDetail;
    const after = (await viewer.agent.get(`/api/reports/topics-by-nation?from=${today()}&to=${today()}`).expect(200))
      .body as TopicsByNationReport;
    expect(count(after, 'diagnosis_delay', 'Scotland')).toBe((count(before, 'diagnosis_delay', 'Scotland') ?? 0) + 2);
    expect(count(after, 'communication', 'Scotland')).toBe((count(before, 'communication', 'Scotland') ?? 0) + 1);
    expect(count(after, 'access_to_medicines', 'Wales')).toBe(1);
    const row = after.rows.find((x) => x.topic === 'diagnosis_delay');
    expect(row?.total).toBe(Object.values(row?.byNation ?? {}).reduce((a, b) => a + b, 0) + (row?.unknownNation ?? 0));
    expect(after.rows.map((r) => r.topic)).toEqual([
      'diagnosis_delay',
      'treatment_waiting_time',
      'access_to_medicines',
      'quality_of_care',
      'communication',
      'other',
    ]);

    await sql(`UPDATE cases SET topics = ARRAY['quality_of_care'] WHERE id = $1`, [welsh.id]);
    const edited = (await viewer.agent.get(`/api/reports/topics-by-nation?from=${today()}&to=${today()}`).expect(200))
      .body as TopicsByNationReport;
    expect(count(edited, 'access_to_medicines', 'Wales')).toBe(0);
    expect(count(edited, 'quality_of_care', 'Wales')).toBe(1);

    const yesterday = plusDays(today(), -1);
    const empty = (
      await viewer.agent.get(`/api/reports/topics-by-nation?from=${yesterday}&to=${yesterday}`).expect(200)
    ).body as TopicsByNationReport;
    expect(empty.rows.every((r) => r.total === 0)).toBe(true);
    const csv = parseCsv(
      (
        await viewer.agent
          .get(`/api/reports/topics-by-nation?from=${today()}&to=${today()}`)
          .set('Accept', 'text/csv')
          .expect(200)
      ).text,
    );
    expect(csv.header).toEqual(['topic', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'unknownNation', 'total']);
    expect(csv.rows.find((r) => r[0] === 'quality_of_care')?.[3]).toBe('1');
    const bad = await viewer.agent.get(`/api/reports/topics-by-nation?from=${today()}&to=${yesterday}`).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['to']);
  });

  it('summary: the home widgets, response rate over contacts that have had their 28 days', async () => {
    const supporter = await createSupporter(app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(((await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail).id);
    await sql(`UPDATE cases SET status = 'awaiting_mp', status_changed_at = now() - interval '22 days' WHERE id = $1`, [
      ids[0],
    ]);
    await sql(`UPDATE cases SET status = 'awaiting_mp', status_changed_at = now() - interval '20 days' WHERE id = $1`, [
      ids[1],
    ]);
    await withDb(env.databaseUrl, async (db) => {
      const answered = await insertContact(db, ids[0], plusDays(today(), -40));
      await insertResponse(db, ids[0], answered, plusDays(today(), -37));
      await insertContact(db, ids[1], plusDays(today(), -35));
      await insertContact(db, ids[2], plusDays(today(), -5));
      await insertChase(db, ids[1], null, 'scheduled', new Date(Date.now() - 3_600_000).toISOString());
      await insertChase(db, ids[2], null, 'scheduled', new Date(Date.now() + 30 * 86_400_000).toISOString());
    });
    const summary = (await viewer.agent.get('/api/reports/summary').expect(200)).body as HomeSummary;
    const [expected] = await sql<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE created_at >= date_trunc('day', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London')::int AS today,
              count(*) FILTER (WHERE assignee_id IS NULL AND status <> 'closed')::int AS unassigned,
              count(*) FILTER (WHERE sla_due_at < now())::int AS overdue
         FROM cases`,
    );
    expect(summary).toEqual({
      newRequestsToday: expected.today,
      unassigned: expected.unassigned,
      overdue: expected.overdue,
      awaitingMpOver21Days: 1,
      chasesDueThisWeek: 1,
      responseRateLast90Days: {
        rate: 0.5,
        low: expect.closeTo(0.09453120573423071, 10),
        high: expect.closeTo(0.9054687942657693, 10),
        contacts: 2,
      },
    });
    const bad = await viewer.agent.get('/api/reports/summary?x=1').expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['x']);
  });

  it('follows contacts and responses recorded through the API, and a case moving to another MP', async () => {
    const supporter = await consentingSupporter(app);
    const detail = await caseInProgress(caseworker.agent, supporter.id);
    const range = `from=${plusDays(today(), -3)}&to=${today()}`;
    await caseworker.agent
      .post(`/api/cases/${detail.id}/mp-contacts`)
      .send({ channel: 'letter', direction: 'outbound', date: plusDays(today(), -3) })
      .expect(201);
    await caseworker.agent
      .post(`/api/cases/${detail.id}/mp-responses`)
      .send({ kind: 'substantive', receivedAt: plusDays(today(), -1) })
      .expect(201);
    const byMp = (await viewer.agent.get(`/api/reports/mp-engagement?${range}&groupBy=mp`).expect(200))
      .body as MpEngagementReport;
    expect(byMp.rows.find((r) => r.key === String(detail.mpId))).toMatchObject({
      contacts: 1,
      responses: 1,
      medianDaysToFirstResponse: 2,
      medianDaysToSubstantive: 2,
    });

    const [other] = await sql<{ id: number }>(`SELECT id FROM mps WHERE id <> $1 ORDER BY id LIMIT 1`, [detail.mpId]);
    await sql(`UPDATE mp_contacts SET mp_id = NULL WHERE case_id = $1`, [detail.id]);
    await sql(`UPDATE cases SET mp_id = $2 WHERE id = $1`, [detail.id, other.id]);
    const moved = (await viewer.agent.get(`/api/reports/mp-engagement?${range}&groupBy=mp`).expect(200))
      .body as MpEngagementReport;
    expect(moved.rows.find((r) => r.key === String(detail.mpId))).toBeUndefined();
    expect(moved.rows.find((r) => r.key === String(other.id))).toMatchObject({ contacts: 1, responses: 1 });
  });
});
