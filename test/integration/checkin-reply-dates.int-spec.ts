import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { CaseDetail, MpEngagementReport } from '@campaign-desk/contracts';
import { addCalendarDays, londonDate, londonTime } from '@campaign-desk/server-core';
import { CheckinLinks } from '../../libs/server/correspondence/src/checkin/checkin-links';
import { mondayOf } from '../../libs/server/correspondence/src/checkin/checkin-reply';
import { ReplyDates1700000008100 } from '../../libs/server/core/src/database/migrations/1700000008100-reply-dates';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { parseCsv } from '../support/reports';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/**
 * Issue 13, true reply dates: the check-in "yes" page asks when the reply came and whether it dealt with
 * what was asked; the response records that date, never the click time. The MP was written to 30 days ago,
 * so a click today is outside the 28-day window while "last week" (its Monday, Europe/London) is inside it.
 */
describe('check-in reply dates', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let found: CaseDetail;
  let path: string;
  const today = londonDate(new Date());
  const contactDate = addCalendarDays(today, -30);
  const range = `from=${contactDate}&to=${today}&groupBy=mp`;

  const contactCase = async (): Promise<CaseDetail> => {
    const made = await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
    await caseworker.agent
      .post(`/api/cases/${made.id}/mp-contacts`)
      .send({ channel: 'letter', direction: 'outbound', date: contactDate })
      .expect(201);
    return made;
  };

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({ SMTP_URL: sink.url, MAIL_DOMAIN: 'desk.example.org' });
    api = await startApi();
    await importDirectory(api);
    worker = await startWorker();
    caseworker = await signedInAgent(api, 'caseworker');
    found = await contactCase();
    const checkin = (await outboxRows(env.databaseUrl, 'case_id = $1', [found.id])).find(
      (r) => r.kind === 'supporter_checkin',
    )!;
    // Due 14 days after a contact 30 days ago: the worker sends it at once (send-now may find it sent already).
    await caseworker.agent.post(`/api/scheduled-emails/${checkin.id}/send-now`);
    await eventually(async () =>
      (await outboxRows(env.databaseUrl, 'id = $1', [checkin.id]))[0].status === 'sent' ? true : undefined,
    );
    const links = await api.get(CheckinLinks, { strict: false }).linksFor(checkin.id, new Date());
    path = /(\/api\/public\/checkin\/[^?]+)\?/.exec(links.yesUrl.url)![1];
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  const http = () => request(api.getHttpServer());
  const post = (form: Record<string, string>) => http().post(path).type('form').send(form);
  const recorded = () =>
    withDb(env.databaseUrl, async (db) => ({
      answers: (await db.query(`SELECT count(*)::int AS n FROM checkin_answers`)).rows[0].n as number,
      responses: (
        await db.query(
          `SELECT received_at, received_at_source, addressed, source FROM mp_responses WHERE case_id = $1`,
          [found.id],
        )
      ).rows as { received_at: Date; received_at_source: string; addressed: string | null; source: string }[],
    }));
  const report = async () =>
    (await caseworker.agent.get(`/api/reports/mp-engagement?${range}`).expect(200)).body as MpEngagementReport;

  it('marks responses recorded from earlier check-in clicks as approximate (the migration)', async () => {
    const other = await contactCase();
    await withDb(env.databaseUrl, async (db) => {
      const runner = { query: (sql: string) => db.query(sql) } as never;
      const migration = new ReplyDates1700000008100();
      await migration.down(runner);
      await db.query(
        `INSERT INTO mp_responses (case_id, kind, received_at, source, mp_contact_id)
         SELECT case_id, 'substantive', now(), 'supporter_checkin', id FROM mp_contacts WHERE case_id = $1`,
        [other.id],
      );
      await migration.up(runner);
      const rows = await db.query(`SELECT received_at_source FROM mp_responses WHERE case_id = $1`, [other.id]);
      expect(rows.rows).toEqual([{ received_at_source: 'click_approximate' }]);
    });
    const json = await report();
    expect(json.approximateReplyDates).toBe(1);
    const csv = await caseworker.agent.get(`/api/reports/mp-engagement?${range}&format=csv`).expect(200);
    const { header, rows } = parseCsv(csv.text);
    const column = header.indexOf('approximateReplyDates');
    expect(rows.at(-1)![0]).toBe('total');
    expect(rows.at(-1)![column]).toBe('1');
    expect(rows.slice(0, -1).every((r) => r[column] === '')).toBe(true);
  });

  it('answers "yes" with the page that asks when, recording nothing yet', async () => {
    const page = await post({ answer: 'yes' }).expect(200);
    expect(page.text).toMatch(/When did the reply come\?/);
    expect(page.text).toMatch(/name="addressed" value="partly"/);
    const shown = await http().get(path).query({ answer: 'yes' }).expect(200);
    expect(shown.text).toMatch(/When did the reply come\?/);
    expect(await recorded()).toEqual({ answers: 0, responses: [] });
  });

  it.each([
    [{ date: addCalendarDays(today, 1), addressed: 'yes' }, /cannot be in the future/],
    [{ date: addCalendarDays(contactDate, -1), addressed: 'yes' }, /before your MP was contacted/],
    [{ date: '2026-02-30', addressed: 'yes' }, /day, month and year/],
    [{ when: 'earlier', addressed: 'yes' }, /give the date/],
    [{ when: 'last_week' }, /dealt with what you asked/],
    [{ addressed: 'no' }, /say when the reply came/],
  ])('asks again for %j with a 400 page, recording nothing', async (fields, message) => {
    const page = await post({ answer: 'yes', details: '1', ...fields }).expect(400);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toMatch(message);
    expect(page.text).toMatch(/When did the reply come\?/);
    expect(await recorded()).toEqual({ answers: 0, responses: [] });
    expect(((await caseworker.agent.get(`/api/cases/${found.id}`).expect(200)).body as CaseDetail).status).toBe(
      'awaiting_mp',
    );
  });

  it('records "yes, last week" as the Monday of last week, and the 28-day figure uses it', async () => {
    // Only this case's response from here on (the approximate one of the first test would move the median).
    await withDb(env.databaseUrl, (db) => db.query(`DELETE FROM mp_responses WHERE case_id <> $1`, [found.id]));
    const before = await report();
    expect(before.total.responses).toBe(0);
    expect(before.approximateReplyDates).toBe(0);
    const monday = addCalendarDays(mondayOf(today), -7);
    await post({ answer: 'yes', details: '1', when: 'last_week', date: '', addressed: 'partly' }).expect(200);
    const { answers, responses } = await recorded();
    expect(answers).toBe(1);
    expect(responses).toEqual([
      {
        received_at: londonTime(monday),
        received_at_source: 'supporter_week',
        addressed: 'partly',
        source: 'supporter_checkin',
      },
    ]);
    const after = await report();
    // The click is 30 days after the contact (outside the window); last week's Monday is 17 to 23 days after it.
    expect(after.total.responses).toBe(1);
    expect(after.total.medianDaysToFirstResponse).toBe(daysBetween(contactDate, monday));
    expect(after.total.medianDaysToFirstResponse).toBeLessThanOrEqual(28);
    expect(after.approximateReplyDates).toBe(0);
    await post({ answer: 'yes', details: '1', when: 'this_week', addressed: 'yes' }).expect(410);
  });
});
