import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { CaseDetail, MpEngagementReport, MpEngagementRow } from '@campaign-desk/contracts';
import { createSupporter, postCase } from '../support/cases';
import {
  insertAction,
  insertChase,
  insertContact,
  insertMeeting,
  insertResponse,
  parseCsv,
  plusDays,
  startReportsApi,
} from '../support/reports';
import { signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/**
 * The MP engagement report against a small hand-computed fixture, 2025:
 * - England (one MP, "A"): 12 cases, each contacted once in March (days 1..12); case 11 again on 10 April.
 *   Answered within 28 days: 6 (at 2, 5, 10, 14, 20 and exactly 28 days); one at 29 days, one at 40 (substantive);
 *   4 unanswered. Rate 6/13. First responses [2,5,10,14,20,28,29,40] → median 17; substantive [5,30,40] → 30.
 *   3 chases sent in April (plus one cancelled, one scheduled: not counted); 2 meetings in June (plus one cancelled);
 *   2 letters to the trust CEO and 1 PMQ in July. Outside the range or inbound: not counted.
 * - Scotland (one MP, "B"): 3 cases contacted in May, 2 answered (3 and 7 days): rate 2/3, too few to rank, median 5.
 */
const RANGE = 'from=2025-01-01&to=2025-12-31';
const WILSON_6_13 = { rate: 6 / 13, low: 0.23206067809538303, high: 0.7085620428549398 };
const WILSON_2_3 = { rate: 2 / 3, low: 0.20765960080204768, high: 0.9385080552796037 };
const WILSON_8_16 = { rate: 0.5, low: 0.27999563610326017, high: 0.7200043638967398 };
const NO_ACTIONS = {
  wrote_to_trust_ceo: 0,
  raised_with_minister: 0,
  asked_pmq: 0,
  written_question: 0,
  met_supporter: 0,
  other: 0,
};

describe('reports: MP engagement', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;
  let mpA: { id: number; name: string; party: string; region: string };
  let mpB: { id: number; name: string; party: string; region: string };

  const newCases = async (nation: 'England' | 'Scotland', n: number): Promise<CaseDetail[]> => {
    const supporter = await createSupporter(app, { nation });
    const cases: CaseDetail[] = [];
    for (let i = 0; i < n; i++)
      cases.push((await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail);
    return cases;
  };
  const report = async (query: string) =>
    (await viewer.agent.get(`/api/reports/mp-engagement?${query}`).expect(200)).body as MpEngagementReport;
  const row = (r: MpEngagementReport, key: string) => r.rows.find((x) => x.key === key) as MpEngagementRow;

  beforeAll(async () => {
    ({ env, app, caseworker, viewer } = await startReportsApi());
    const england = await newCases('England', 12);
    const scotland = await newCases('Scotland', 3);
    const other = await newCases('England', 1);
    await withDb(env.databaseUrl, async (db) => {
      const mp = async (caseId: string) =>
        (
          await db.query(
            `SELECT m.id, m.name, m.party, c.region FROM cases c JOIN mps m ON m.id = c.mp_id WHERE c.id = $1`,
            [caseId],
          )
        ).rows[0];
      mpA = await mp(england[0].id);
      mpB = await mp(scotland[0].id);
      const answeredAfter = [2, 5, 10, 14, 20, 28, 29, 40];
      const contacts: string[] = [];
      for (let i = 0; i < 12; i++) {
        const day = plusDays('2025-03-01', i);
        const contactId = await insertContact(db, england[i].id, day);
        contacts.push(contactId);
        if (i < answeredAfter.length) {
          // Case 1's only response is substantive; case 2's response names no contact (it answers the latest one); case 7's is substantive.
          const kind = i === 1 || i === 7 ? 'substantive' : 'acknowledgement';
          await insertResponse(db, england[i].id, i === 2 ? null : contactId, plusDays(day, answeredAfter[i]), kind);
        }
      }
      await insertResponse(db, england[0].id, contacts[0], plusDays('2025-03-01', 30), 'substantive');
      await insertContact(db, england[11].id, '2025-04-10');
      await insertContact(db, england[10].id, '2025-03-20', { direction: 'inbound' });
      for (const i of [8, 9, 10]) await insertChase(db, england[i].id, contacts[i], 'sent', '2025-04-05');
      await insertChase(db, england[11].id, contacts[11], 'cancelled', '2025-04-05');
      await insertChase(db, england[11].id, contacts[11], 'scheduled', '2025-04-06');
      await insertMeeting(db, england[0].id, 'held', '2025-06-02');
      await insertMeeting(db, england[1].id, 'upcoming', '2025-06-20');
      await insertMeeting(db, england[2].id, 'cancelled', '2025-06-21');
      await insertAction(db, england[0].id, 'wrote_to_trust_ceo', '2025-07-01');
      await insertAction(db, england[1].id, 'wrote_to_trust_ceo', '2025-07-02');
      await insertAction(db, england[2].id, 'asked_pmq', '2025-07-03');
      // Outside the range: a contact (with its response) in December 2024 and an action in January 2026.
      const before = await insertContact(db, other[0].id, '2024-12-20');
      await insertResponse(db, other[0].id, before, '2024-12-22');
      await insertAction(db, other[0].id, 'other', '2026-01-05');
      for (const [i, after] of [
        [0, 3],
        [1, 7],
      ]) {
        const day = plusDays('2025-05-01', i);
        await insertResponse(db, scotland[i].id, await insertContact(db, scotland[i].id, day), plusDays(day, after));
      }
      await insertContact(db, scotland[2].id, '2025-05-03');
    });
  }, 120_000);
  afterAll(() => app?.close());

  it('by MP: counts, response rate within 28 days with its Wilson interval, medians, chases, meetings, actions', async () => {
    const r = await report(`${RANGE}&groupBy=mp`);
    expect(r.rows.map((x) => x.key)).toEqual([String(mpA.id), String(mpB.id)]);
    expect(row(r, String(mpA.id))).toEqual({
      key: String(mpA.id),
      label: mpA.name,
      cases: 12,
      mpsContacted: 1,
      contacts: 13,
      responses: 6,
      responseRate: WILSON_6_13.rate,
      responseRateLow: expect.closeTo(WILSON_6_13.low, 10),
      responseRateHigh: expect.closeTo(WILSON_6_13.high, 10),
      tooFewToRank: false,
      medianDaysToFirstResponse: 17,
      medianDaysToSubstantive: 30,
      chasesSent: 3,
      meetings: 2,
      actionsByType: { ...NO_ACTIONS, wrote_to_trust_ceo: 2, asked_pmq: 1 },
    });
    expect(row(r, String(mpB.id))).toMatchObject({
      label: mpB.name,
      cases: 3,
      contacts: 3,
      responses: 2,
      responseRate: WILSON_2_3.rate,
      responseRateLow: expect.closeTo(WILSON_2_3.low, 10),
      responseRateHigh: expect.closeTo(WILSON_2_3.high, 10),
      tooFewToRank: true,
      medianDaysToFirstResponse: 5,
      medianDaysToSubstantive: null,
      chasesSent: 0,
      meetings: 0,
      actionsByType: NO_ACTIONS,
    });
    expect(r.total).toMatchObject({
      key: 'total',
      cases: 15,
      mpsContacted: 2,
      contacts: 16,
      responses: 8,
      responseRate: 0.5,
      tooFewToRank: false,
      chasesSent: 3,
      meetings: 2,
    });
    expect(r.total.responseRateLow).toBeCloseTo(WILSON_8_16.low, 10);
    expect(r.total.responseRateHigh).toBeCloseTo(WILSON_8_16.high, 10);
    // All first responses: [2,5,10,14,20,28,29,40] and [3,7] → 10 values, middle two 10 and 14.
    expect(r.total.medianDaysToFirstResponse).toBe(12);
    expect(r.total.medianDaysToSubstantive).toBe(30);
  });

  it('by nation, region and party: the same figures under the MP seat and party', async () => {
    const byNation = await report(`${RANGE}&groupBy=nation`);
    expect(byNation.rows.map((x) => x.key)).toEqual(['England', 'Scotland']);
    expect(row(byNation, 'England')).toMatchObject({
      label: 'England',
      contacts: 13,
      responses: 6,
      cases: 12,
      chasesSent: 3,
      medianDaysToFirstResponse: 17,
    });
    expect(row(byNation, 'Scotland')).toMatchObject({ contacts: 3, responses: 2, tooFewToRank: true });

    const byRegion = await report(`${RANGE}&groupBy=region`);
    expect(row(byRegion, mpA.region)).toMatchObject({ contacts: 13, medianDaysToSubstantive: 30 });
    expect(row(byRegion, mpB.region)).toMatchObject({ contacts: 3 });

    const byParty = await report(`${RANGE}&groupBy=party`);
    if (mpA.party === mpB.party) {
      expect(byParty.rows).toHaveLength(1);
      expect(row(byParty, mpA.party)).toMatchObject({ contacts: 16, responses: 8, mpsContacted: 2 });
    } else {
      expect(row(byParty, mpA.party)).toMatchObject({
        contacts: 13,
        responses: 6,
        mpsContacted: 1,
        responseRate: WILSON_6_13.rate,
      });
      expect(row(byParty, mpB.party)).toMatchObject({ contacts: 3, responses: 2, mpsContacted: 1 });
    }
  });

  it('by month: each activity in the month it happened, oldest first', async () => {
    const r = await report(`${RANGE}&groupBy=month`);
    expect(r.rows.map((x) => x.key)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07']);
    expect(row(r, '2025-03')).toMatchObject({ contacts: 12, cases: 12, responses: 6, chasesSent: 0 });
    expect(row(r, '2025-04')).toMatchObject({
      contacts: 1,
      cases: 0,
      responses: 0,
      chasesSent: 3,
      tooFewToRank: true,
      responseRate: 0,
    });
    expect(row(r, '2025-05')).toMatchObject({ contacts: 3, cases: 3, responses: 2 });
    expect(row(r, '2025-06')).toMatchObject({
      contacts: 0,
      meetings: 2,
      responseRate: null,
      responseRateLow: null,
      medianDaysToFirstResponse: null,
    });
    expect(row(r, '2025-07').actionsByType).toEqual({ ...NO_ACTIONS, wrote_to_trust_ceo: 2, asked_pmq: 1 });
  });

  it('narrows to the range: a response after 28 days never counts, contacts outside are left out', async () => {
    const march = await report('from=2025-03-01&to=2025-03-31&groupBy=nation');
    expect(march.rows.map((x) => x.key)).toEqual(['England']);
    expect(march.total).toMatchObject({ contacts: 12, responses: 6, chasesSent: 0, meetings: 0 });
    const december = await report('from=2024-12-01&to=2024-12-31');
    expect(december.total).toMatchObject({ contacts: 1, responses: 1, medianDaysToFirstResponse: 2 });
    // Whole months (March to June) from the monthly cells, 15 February and 1-2 July from the facts: the PMQ of 3 July is out.
    const mixed = await report('from=2025-02-15&to=2025-07-02');
    expect(mixed.total).toMatchObject({
      contacts: 16,
      cases: 15,
      responses: 8,
      chasesSent: 3,
      meetings: 2,
      actionsByType: { ...NO_ACTIONS, wrote_to_trust_ceo: 2 },
    });
    expect((await report('from=2025-07-02&to=2025-07-03')).total.actionsByType).toEqual({
      ...NO_ACTIONS,
      wrote_to_trust_ceo: 1,
      asked_pmq: 1,
    });
    const empty = await report('from=2020-01-01&to=2020-12-31');
    expect(empty.rows).toEqual([]);
    expect(empty.total).toMatchObject({
      contacts: 0,
      responseRate: null,
      tooFewToRank: true,
      medianDaysToFirstResponse: null,
    });
  });

  it('follows later writes: a new response and a cancelled meeting change the figures at once', async () => {
    const unanswered = await withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT c.id, c.case_id FROM mp_contacts c WHERE c.direction = 'outbound' AND c.contacted_at = '2025-05-03T12:00:00Z'`,
      );
      await insertResponse(db, rows[0].case_id, rows[0].id, '2025-05-10');
      return rows[0];
    });
    expect(row(await report(`${RANGE}&groupBy=nation`), 'Scotland')).toMatchObject({
      responses: 3,
      responseRate: 1,
      medianDaysToFirstResponse: 7,
    });
    await withDb(env.databaseUrl, (db) =>
      db.query(`DELETE FROM mp_responses WHERE case_id = $1`, [unanswered.case_id]),
    );
    expect(row(await report(`${RANGE}&groupBy=nation`), 'Scotland')).toMatchObject({ responses: 2 });
    await withDb(env.databaseUrl, (db) =>
      db.query(`UPDATE meetings SET status = 'cancelled' WHERE starts_at = '2025-06-20T12:00:00Z'`),
    );
    expect((await report(RANGE)).total.meetings).toBe(1);
    await withDb(env.databaseUrl, (db) =>
      db.query(`UPDATE meetings SET status = 'upcoming' WHERE starts_at = '2025-06-20T12:00:00Z'`),
    );
    // The scheduled chase of 6 April goes out, then (say, a data fix) back to scheduled.
    const chase = `UPDATE scheduled_emails SET status = $1, sent_at = $2 WHERE kind = 'mp_chase' AND due_at = '2025-04-06T12:00:00Z'`;
    await withDb(env.databaseUrl, (db) => db.query(chase, ['sent', '2025-04-06T12:00:00Z']));
    expect(row(await report(`${RANGE}&groupBy=month`), '2025-04').chasesSent).toBe(4);
    await withDb(env.databaseUrl, (db) => db.query(chase, ['scheduled', null]));
    expect(row(await report(`${RANGE}&groupBy=month`), '2025-04').chasesSent).toBe(3);
  });

  it('answers CSV with the same numbers as the JSON, and audits the export', async () => {
    for (const groupBy of ['mp', 'party', 'nation', 'region', 'month']) {
      const json = await report(`${RANGE}&groupBy=${groupBy}`);
      const res = await viewer.agent
        .get(`/api/reports/mp-engagement?${RANGE}&groupBy=${groupBy}`)
        .set('Accept', 'text/csv')
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="mp-engagement-by-${groupBy}-2025-01-01-to-2025-12-31.csv"`,
      );
      const { header, rows } = parseCsv(res.text);
      expect(rows).toHaveLength(json.rows.length + 1);
      [...json.rows, json.total].forEach((expected, i) => {
        const cells = Object.fromEntries(header.map((h, k) => [h, rows[i][k]]));
        expect(cells.key).toBe(expected.key);
        for (const field of [
          'cases',
          'mpsContacted',
          'contacts',
          'responses',
          'responseRate',
          'responseRateLow',
          'responseRateHigh',
          'medianDaysToFirstResponse',
          'medianDaysToSubstantive',
          'chasesSent',
          'meetings',
        ] as const) {
          expect(cells[field] === '' ? null : Number(cells[field])).toBe(expected[field]);
        }
        expect(cells.tooFewToRank).toBe(String(expected.tooFewToRank));
        for (const [type, n] of Object.entries(expected.actionsByType))
          expect(Number(cells[`actions_${type}`])).toBe(n);
      });
    }
    const audits = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT actor_id, entity_id, details FROM audit_events WHERE action = 'report.exported' ORDER BY id`,
          )
        ).rows,
    );
    expect(audits).toHaveLength(5);
    expect(audits[0]).toEqual({
      actor_id: viewer.user.id,
      entity_id: 'mp-engagement',
      details: { format: 'csv', from: '2025-01-01', to: '2025-12-31', groupBy: 'mp', rows: 2 },
    });
  });

  it('CSV by ?format=csv for a download link; JSON reads are not exports', async () => {
    const before = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.exported'`)).rows[0].n,
    );
    const res = await viewer.agent.get(`/api/reports/mp-engagement?${RANGE}&format=csv`).expect(200);
    expect(res.text.split('\r\n')[0]).toMatch(/^key,label,cases,/);
    await report(RANGE);
    const after = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.exported'`)).rows[0].n,
    );
    expect(after).toBe(before + 1);
  });

  it('defuses a label a spreadsheet would run as a formula', async () => {
    await withDb(env.databaseUrl, (db) =>
      db.query(`UPDATE mps SET name = $2 WHERE id = $1`, [mpB.id, '=HYPERLINK("http://evil.example","Click")']),
    );
    const res = await viewer.agent
      .get(`/api/reports/mp-engagement?${RANGE}&groupBy=mp`)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(res.text).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"")",`);
    expect(parseCsv(res.text).rows.every((cells) => cells.every((cell) => !/^[=+@]/.test(cell)))).toBe(true);
    await withDb(env.databaseUrl, (db) => db.query(`UPDATE mps SET name = $2 WHERE id = $1`, [mpB.id, mpB.name]));
  });

  it('400 naming the field for an unbounded, inverted or too long range, an unknown groupBy or parameter', async () => {
    const cases: [string, string][] = [
      ['to=2025-12-31', 'from'],
      ['from=2025-01-01', 'to'],
      ['', 'from'],
      ['from=2025-02-01&to=2025-01-31', 'to'],
      ['from=2019-01-01&to=2025-12-31', 'to'],
      ['from=2025-13-01&to=2025-12-31', 'from'],
      ['from=yesterday&to=2025-12-31', 'from'],
      [`${RANGE}&groupBy=trust`, 'groupBy'],
      [`${RANGE}&sort=contacts`, 'sort'],
      [`${RANGE}&format=xlsx`, 'format'],
    ];
    for (const [query, field] of cases) {
      const res = await viewer.agent.get(`/api/reports/mp-engagement?${query}`).expect(400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
  });

  it('every staff role reads reports; no session, no report', async () => {
    await caseworker.agent.get(`/api/reports/mp-engagement?${RANGE}`).expect(200);
    const admin = await signedInAgent(app, 'admin');
    await admin.agent.get(`/api/reports/mp-engagement?${RANGE}`).expect(200);
    await request(app.getHttpServer()).get(`/api/reports/mp-engagement?${RANGE}`).expect(401);
    await request(app.getHttpServer()).get('/api/reports/summary').expect(401);
  });
});
