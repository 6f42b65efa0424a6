import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import PostalMime from 'postal-mime';
import request from 'supertest';
import type { CaseDetail } from '@campaign-desk/contracts';
import { londonDate } from '@campaign-desk/server-core';
import { CheckinLinks } from '../../libs/server/correspondence/src/checkin/checkin-links';
import { createCheckinToken } from '../../libs/server/correspondence/src/checkin/checkin-token';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** The secret the source used to fall back on outside production: anyone could sign links with it. */
const OLD_FALLBACK_SECRET = 'campaign-desk-development-checkin-secret-not-for-production';
const DAY = 86_400_000;

/** The supporter's one-click check-in links: unforgeable, and only for check-ins that were sent (issue 12). */
describe('check-in links', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let found: CaseDetail;
  let checkin: { id: string; rfc_message_id: string };
  let reminder: { id: string };

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({ SMTP_URL: sink.url, MAIL_DOMAIN: 'desk.example.org' });
    delete process.env.CHECKIN_LINK_SECRET;
    api = await startApi();
    await importDirectory(api);
    worker = await startWorker();
    caseworker = await signedInAgent(api, 'caseworker');
    found = await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
    await caseworker.agent
      .post(`/api/cases/${found.id}/mp-contacts`)
      .send({ channel: 'letter', direction: 'outbound', date: londonDate(new Date()) })
      .expect(201);
    const rows = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    checkin = rows.find((r) => r.kind === 'supporter_checkin')!;
    reminder = rows.find((r) => r.kind === 'checkin_reminder')!;
    await caseworker.agent.post(`/api/scheduled-emails/${checkin.id}/send-now`).expect(200);
    await eventually(async () =>
      (await outboxRows(env.databaseUrl, 'id = $1', [checkin.id]))[0].status === 'sent' ? true : undefined,
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  const http = () => request(api.getHttpServer());
  const answers = async () =>
    withDb(
      env.databaseUrl,
      async (db) => (await db.query(`SELECT count(*)::int AS n FROM checkin_answers`)).rows[0].n as number,
    );
  const pendingChases = async () =>
    (await outboxRows(env.databaseUrl, "case_id = $1 AND kind = 'mp_chase' AND status = 'scheduled'", [found.id]))
      .length;
  const caseStatus = async () =>
    ((await caseworker.agent.get(`/api/cases/${found.id}`).expect(200)).body as CaseDetail).status;
  const expectRefused = async (token: string) => {
    const page = await http().get(`/api/public/checkin/${token}`).query({ answer: 'yes' }).expect(400);
    expect(page.text).toMatch(/not valid/i);
    const posted = await http().post(`/api/public/checkin/${token}`).type('form').send({ answer: 'yes' }).expect(400);
    expect(posted.text).toBe(page.text);
  };

  it('refuses a link signed with the old built-in secret for a sent check-in, and records nothing', async () => {
    const forged = createCheckinToken(OLD_FALLBACK_SECRET, {
      scheduledEmailId: checkin.id,
      expiresAt: new Date(Date.now() + 28 * DAY),
    });
    await expectRefused(forged);
    expect(await answers()).toBe(0);
    expect(await caseStatus()).toBe('awaiting_mp');
    expect(await pendingChases()).toBe(2);
    // The key is generated for this installation and kept in the database, never a value from the source.
    const stored = await withDb(env.databaseUrl, async (db) =>
      (await db.query(`SELECT value FROM install_settings WHERE key = 'checkin_link_secret'`)).rows.map(
        (r) => r.value as string,
      ),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toBe(OLD_FALLBACK_SECRET);
    expect(stored[0].length).toBeGreaterThanOrEqual(40);
  });

  it('refuses a correctly signed link of a check-in that was never sent, and records nothing', async () => {
    const links = await api.get(CheckinLinks, { strict: false }).linksFor(reminder.id, new Date());
    const token = /\/api\/public\/checkin\/([^?]+)\?/.exec(links.yesUrl.url)![1];
    await expectRefused(token);
    expect(await answers()).toBe(0);
    expect(await caseStatus()).toBe('awaiting_mp');
    expect(await pendingChases()).toBe(2);
    const audited = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'checkin.answered'`)).rows[0].n,
    );
    expect(audited).toBe(0);
  });

  it('accepts the link of the sent check-in once: the answer is recorded and the chases stop', async () => {
    const [message] = sink.byMessageId(checkin.rfc_message_id);
    const text = (await PostalMime.parse(message.raw)).text ?? '';
    const path = /https?:\/\/\S+?(\/api\/public\/checkin\/[^\s?]+)\?answer=yes/.exec(text)![1];
    const page = await http().get(path).query({ answer: 'yes' }).expect(200);
    expect(page.text).not.toMatch(/not valid/i);
    // "yes" asks when the reply came (issue 13) before anything is recorded.
    await http().post(path).type('form').send({ answer: 'yes' }).expect(200);
    expect(await answers()).toBe(0);
    await http()
      .post(path)
      .type('form')
      .send({ answer: 'yes', details: '1', when: 'this_week', addressed: 'yes' })
      .expect(200);
    expect(await answers()).toBe(1);
    expect(await caseStatus()).toBe('mp_responded');
    expect(await pendingChases()).toBe(0);
    await http().post(path).type('form').send({ answer: 'no' }).expect(410);
    expect(await answers()).toBe(1);
  });
});
