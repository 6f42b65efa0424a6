import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, ChaseTaskDto, MpContactDto, ScheduledEmailDto } from '@campaign-desk/contracts';
import { isWorkingDay, londonDate, londonParts, londonTime } from '@campaign-desk/server-core';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';

/** Replies from the case, the chase plan, and what stops it (DESIGN §1.4, invariants 2 and 4). */
describe('correspondence: replies, the chase plan and cancellation', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({
      SMTP_URL: sink.url,
      SEND_RETRY_BASE_SECONDS: '1',
      MAIL_DOMAIN: 'desk.example.org',
      TEAM_MAILBOX: 'team@desk.example.org',
    });
    api = await startApi();
    await importDirectory(api);
    worker = await startWorker();
    caseworker = await signedInAgent(api, 'caseworker');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  const caseFor = async (over: Parameters<typeof consentingSupporter>[1] = {}) =>
    caseInProgress(caseworker.agent, (await consentingSupporter(api, over)).id);
  const sentRow = (id: string) =>
    eventually(async () => {
      const [row] = await outboxRows(env.databaseUrl, 'id = $1', [id]);
      return row.status === 'scheduled' || row.status === 'sending' ? undefined : row;
    });

  it('sends a reply from the case with the charity Message-ID, [CD-n], Reply-To the team, and records it on the case', async () => {
    const found = await caseFor();
    const res = await caseworker.agent
      .post(`/api/cases/${found.id}/reply`)
      .send({ body: 'Thank you for writing to us.' })
      .expect(201);
    const queued = res.body as ScheduledEmailDto;
    expect(queued).toMatchObject({ kind: 'reply', status: 'scheduled', deliveryStatus: 'queued', caseId: found.id });
    expect(queued.rfcMessageId).toBe(`<se-${queued.id}@desk.example.org>`);

    const row = await sentRow(queued.id);
    expect(row.status).toBe('sent');
    const [message] = sink.byMessageId(queued.rfcMessageId);
    expect(message.headers.subject).toContain(`[${found.reference}]`);
    expect(message.headers['reply-to']).toBe('team@desk.example.org');
    expect(message.to).toEqual([(found.supporter as { email: string }).email]);
    expect(message.raw).toContain('Thank you for writing to us.');

    const timeline = (await caseworker.agent.get(`/api/cases/${found.id}/timeline`).expect(200)).body as {
      kind: string;
      data: { id?: string; direction?: string; deliveryStatus?: string };
    }[];
    expect(timeline.find((e) => e.kind === 'scheduled_email' && e.data.id === queued.id)?.data.deliveryStatus).toBe(
      'sent',
    );
    expect(
      timeline.some((e) => e.kind === 'message' && e.data.id === row.message_id && e.data.direction === 'out'),
    ).toBe(true);
  });

  it('records an MP contact: awaiting_mp, and the chase plan on working days in office hours', async () => {
    const found = await caseFor();
    const today = londonDate(new Date());
    const res = await caseworker.agent
      .post(`/api/cases/${found.id}/mp-contacts`)
      .send({ channel: 'letter', direction: 'outbound', date: today })
      .expect(201);
    const contact = res.body as MpContactDto;
    expect(contact).toMatchObject({
      caseId: found.id,
      channel: 'letter',
      direction: 'outbound',
      contactedBy: 'charity',
      mpId: found.mpId,
    });
    const detail = (await caseworker.agent.get(`/api/cases/${found.id}`).expect(200)).body as CaseDetail;
    expect(detail.status).toBe('awaiting_mp');

    const rows = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['supporter_checkin', 'scheduled'],
      ['checkin_reminder', 'scheduled'],
      ['mp_chase', 'scheduled'],
      ['mp_chase', 'scheduled'],
    ]);
    const contacted = londonTime(today);
    const days = (d: Date) => (d.getTime() - contacted.getTime()) / 86_400_000;
    const [checkin, reminder, chase1, chase2] = rows.map((r) => new Date(r.due_at));
    expect(days(checkin)).toBeGreaterThanOrEqual(14);
    expect(days(checkin)).toBeLessThan(19);
    expect((reminder.getTime() - checkin.getTime()) / 86_400_000).toBeGreaterThanOrEqual(7);
    expect(days(chase1)).toBeGreaterThanOrEqual(21);
    expect(days(chase2)).toBeGreaterThanOrEqual(35);
    for (const due of [checkin, reminder, chase1, chase2]) {
      const parts = londonParts(due);
      expect([parts.hour, parts.minute]).toEqual([9, 0]);
      expect(isWorkingDay(parts.date, 'england_wales')).toBe(true);
    }
    const tasks = (
      await caseworker.agent
        .get('/api/chase-tasks')
        .query({ filter: JSON.stringify({ caseId: found.id }) })
        .expect(200)
    ).body as ChaseTaskDto[];
    expect(tasks).toEqual([
      expect.objectContaining({ kind: 'phone_mp_office', status: 'open', mpContactId: contact.id }),
    ]);
    expect(days(new Date(tasks[0].dueAt))).toBeGreaterThanOrEqual(42);

    const timeline = (await caseworker.agent.get(`/api/cases/${found.id}/timeline`).expect(200)).body as {
      kind: string;
    }[];
    expect(timeline.filter((e) => e.kind === 'scheduled_email')).toHaveLength(4);
    expect(timeline.filter((e) => e.kind === 'mp_contact')).toHaveLength(1);
    expect(timeline.filter((e) => e.kind === 'chase_task')).toHaveLength(1);
  });
});
