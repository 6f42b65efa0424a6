import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, ChaseTaskDto, MpDetailDto, MpDto, ScheduledEmailDto } from '@campaign-desk/contracts';
import { caseInProgress, consentingSupporter, outboxRows, scheduleEmails } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { INBOUND_TOKEN, postEmail, uniqueId, waitForProcessed } from '../support/intake';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** A delivery status notification (RFC 3464) for `rfcMessageId`, failed with `status` (5.x.x hard, 4.x.x soft). */
function dsn(rfcMessageId: string, recipient: string, status: string): Buffer {
  const boundary = 'dsn-boundary-1';
  return Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.parliament.example>',
      'To: campaigns@desk.example.org',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Mon, 23 Nov 2026 09:00:00 +0000',
      `Message-ID: <${uniqueId('dsn')}>`,
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Your message could not be delivered to one or more recipients.',
      '',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.parliament.example',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      'Action: failed',
      `Status: ${status}`,
      `Diagnostic-Code: smtp; ${status.startsWith('5') ? '550 5.1.1 User unknown' : '452 4.2.2 Mailbox full'}`,
      '',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: <${rfcMessageId}>`,
      'Subject: About my constituent',
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

/** Contact quality (issue 16, DESIGN §4 invariant 9): a hard bounce from the MP's address stops mail to it. */
describe('MP address failing after a hard bounce', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let admin: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({
      SMTP_URL: sink.url,
      SEND_RETRY_BASE_SECONDS: '1',
      MAIL_DOMAIN: 'desk.example.org',
      TEAM_MAILBOX: 'team@desk.example.org',
      INBOUND_TOKEN,
    });
    api = await startApi();
    await importDirectory(api);
    worker = await startWorker();
    caseworker = await signedInAgent(api, 'caseworker');
    admin = await signedInAgent(api, 'admin');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  const settled = (id: string) =>
    eventually(async () => {
      const [row] = await outboxRows(env.databaseUrl, 'id = $1', [id]);
      return row.status === 'scheduled' || row.status === 'sending' ? undefined : row;
    });
  const getMp = async (id: number) => (await admin.agent.get(`/api/mps/${id}`).expect(200)).body as MpDetailDto;
  const tasksOf = async (caseId: string) =>
    (
      await caseworker.agent
        .get('/api/chase-tasks')
        .query({ filter: JSON.stringify({ caseId }) })
        .expect(200)
    ).body as ChaseTaskDto[];

  /** A case awaiting the MP after an email to their office that reached the sink; answers the case and that email. */
  const emailedCase = async () => {
    const found: CaseDetail = await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
    const res = await caseworker.agent
      .post(`/api/cases/${found.id}/mp-email`)
      .send({ subject: 'About my constituent', body: 'Please raise this with the trust.' })
      .expect(201);
    const email = (res.body as { email: ScheduledEmailDto }).email;
    expect((await settled(email.id)).status).toBe('sent');
    const [copy] = sink.byMessageId(email.rfcMessageId);
    return { found, email, rfc: email.rfcMessageId.replace(/^<|>$/g, ''), address: copy.to[0] };
  };
  const bounce = async (rfc: string, address: string, status: string) => {
    const res = await postEmail(api, dsn(rfc, address, status)).expect(202);
    await waitForProcessed(env.databaseUrl, [res.body.messageId]);
  };
  const chaseNow = async (caseId: string, supporterId: string | null) => {
    const [row] = await scheduleEmails(api, [{ caseId, supporterId, kind: 'mp_chase', dueAt: new Date() }]);
    return settled(row.id);
  };

  it('a hard bounce marks the address failing, cancels and stops chases to it, and opens a task; clearing lets mail go again', async () => {
    const { found, rfc, address } = await emailedCase();
    const mpId = found.mpId!;
    expect((await getMp(mpId)).addressFailing).toBe(false);
    const pending = await outboxRows(env.databaseUrl, `case_id = $1 AND kind = 'mp_chase'`, [found.id]);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.status === 'scheduled')).toBe(true);

    await bounce(rfc, address, '5.1.1');

    const mp = await getMp(mpId);
    expect(mp).toMatchObject({ addressFailing: true, addressFailingSince: expect.any(String) });
    const listed = (
      await caseworker.agent
        .get('/api/mps')
        .query({ filter: JSON.stringify({ id: [mpId] }) })
        .expect(200)
    ).body as MpDto[];
    expect(listed[0]).toMatchObject({ id: mpId, addressFailing: true });
    // The case's pending chases to the MP are cancelled, visibly; the supporter's check-ins still go.
    const after = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    expect(after.filter((r) => r.kind === 'mp_chase').map((r) => [r.status, r.cancel_reason])).toEqual(
      pending.map(() => ['cancelled', 'address_failing']),
    );
    expect(after.filter((r) => r.kind === 'supporter_checkin').map((r) => r.status)).toEqual(['scheduled']);
    const tasks = await tasksOf(found.id);
    expect(tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'check_mp_address', status: 'open' }),
        expect.objectContaining({ kind: 'phone_mp_office', status: 'open' }),
      ]),
    );

    // The next chase that falls due is re-checked by the sender and never reaches the address.
    const blocked = await chaseNow(found.id, found.supporterId);
    expect(blocked).toMatchObject({ status: 'cancelled', cancel_reason: 'address_failing' });
    expect(sink.byMessageId(blocked.rfc_message_id)).toHaveLength(0);

    // A second hard bounce of the same address opens no second task.
    await bounce(rfc, address, '5.1.1');
    expect((await tasksOf(found.id)).filter((t) => t.kind === 'check_mp_address')).toHaveLength(1);

    // Clearing: admins only, with a body naming the field.
    await caseworker.agent.put(`/api/mps/${mpId}/address-status`).send({ failing: false }).expect(403);
    const cleared = await admin.agent.put(`/api/mps/${mpId}/address-status`).send({ failing: false }).expect(200);
    expect(cleared.body as MpDetailDto).toMatchObject({ id: mpId, addressFailing: false, addressFailingSince: null });
    const audited = await withDb(env.databaseUrl, async (db) =>
      (
        await db.query(`SELECT action, actor_id FROM audit_events WHERE entity_type = 'mp' AND entity_id = $1`, [
          String(mpId),
        ])
      ).rows.map((r: { action: string; actor_id: string | null }) => [r.action, r.actor_id]),
    );
    expect(audited).toEqual(
      expect.arrayContaining([
        ['mp.address_failing', null],
        ['mp.address_cleared', admin.user.id],
      ]),
    );

    const delivered = await chaseNow(found.id, found.supporterId);
    expect(delivered.status).toBe('sent');
    expect(sink.byMessageId(delivered.rfc_message_id)).toHaveLength(1);
  });

  it('a soft (4.x.x) bounce stamps the email but leaves the address, the chases and the tasks alone', async () => {
    const { found, email, rfc, address } = await emailedCase();
    const before = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    const tasksBefore = await tasksOf(found.id);

    await bounce(rfc, address, '4.2.2');

    const stamped = (await caseworker.agent.get(`/api/scheduled-emails/${email.id}`).expect(200))
      .body as ScheduledEmailDto;
    expect(stamped.bouncedAt).not.toBeNull();
    expect((await getMp(found.mpId!)).addressFailing).toBe(false);
    const after = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    expect(after.map((r) => [r.id, r.status])).toEqual(before.map((r) => [r.id, r.status]));
    expect(await tasksOf(found.id)).toEqual(tasksBefore);
    const next = await chaseNow(found.id, found.supporterId);
    expect(next.status).toBe('sent');
  });

  it('a bad request to clear the flag is a 400 naming the field; an unknown MP is a 404', async () => {
    const mpId = (await caseInProgress(caseworker.agent, (await consentingSupporter(api)).id)).mpId!;
    for (const body of [{}, { failing: true }, { failing: 'no' }]) {
      const res = await admin.agent.put(`/api/mps/${mpId}/address-status`).send(body).expect(400);
      expect(res.body.fields).toHaveProperty('failing');
    }
    await admin.agent.put('/api/mps/999999999/address-status').send({ failing: false }).expect(404);
    await admin.agent.put('/api/mps/not-an-id/address-status').send({ failing: false }).expect(404);
  });
});
