import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, SupporterDto, TimelineEntry } from '@campaign-desk/contracts';
import { MessageParserService, MessagesService } from '@campaign-desk/server-intake';
import { startParser } from '../support/contact-details';
import { createSupporter, postCase, startCasesApi } from '../support/cases';
import { importDirectory } from '../support/directory';
import { email, INBOUND_TOKEN, messageRow, postEmail, uniqueId } from '../support/intake';
import { prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('cases and intake: a triage message becomes a case; replies thread into it', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let parser: INestApplicationContext;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let supporter: SupporterDto;

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN });
    app = await startCasesApi();
    parser = await startParser();
    await importDirectory(app);
    caseworker = await signedInAgent(app, 'caseworker');
    supporter = await createSupporter(app, { email: `sam-${Date.now()}@example.org` });
  }, 90_000);
  afterAll(async () => {
    await parser?.close();
    await app?.close();
  });

  /** Delivers a message through the webhook and parses it. */
  const deliver = async (raw: Buffer) => {
    const res = await postEmail(app, raw).expect(202);
    await parser.get(MessageParserService).parse(res.body.messageId);
    const row = await messageRow(env.databaseUrl, res.body.messageId);
    if (!row) throw new Error('the message was not stored');
    return row;
  };
  const caseCount = () =>
    withDb(env.databaseUrl, async (db) => (await db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n as number);

  it('creates a case from a triage message, moving the message and its thread into it', async () => {
    const firstId = uniqueId('first');
    const first = await deliver(
      email({
        messageId: firstId,
        subject: 'Waiting for my scan',
        body: 'My oncologist Dr Vellacott has not replied in six weeks.',
      }),
    );
    const followUp = await deliver(
      email({
        subject: 'Re: Waiting for my scan',
        body: 'Forgot to say: the hospital is St Elsewhere.',
        headers: { 'In-Reply-To': `<${firstId}>` },
      }),
    );
    expect([first.case_id, followUp.case_id]).toEqual([null, null]);
    expect(first).toMatchObject({ classification: 'request', status: 'new' });

    const created = (await postCase(caseworker.agent, supporter.id, { messageId: followUp.id }).expect(201))
      .body as CaseDetail;
    const [a, b] = [await messageRow(env.databaseUrl, first.id), await messageRow(env.databaseUrl, followUp.id)];
    expect([a?.case_id, b?.case_id]).toEqual([created.id, created.id]);
    expect([a?.status, b?.status]).toEqual(['linked', 'linked']);
    const audit = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(`SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'case.created'`, [
            created.id,
          ])
        ).rows[0],
    );
    expect(audit.details.messagesMoved.sort()).toEqual([first.id, followUp.id].sort());

    const timeline = (
      await caseworker.agent
        .get(`/api/cases/${created.id}/timeline`)
        .query({ filter: '{"kind":"message"}' })
        .expect(200)
    ).body as TimelineEntry[];
    expect(timeline.map((e) => e.id).sort()).toEqual([`message:${first.id}`, `message:${followUp.id}`].sort());
    const search = await caseworker.agent
      .get('/api/cases')
      .query({ filter: JSON.stringify({ q: 'vellacott' }) })
      .expect(200);
    expect(search.body.map((c: CaseDetail) => c.id)).toEqual([created.id]);
  });

  it('answers 409 for a message already in a case, and creates no case', async () => {
    const message = await deliver(email({ subject: 'Please help' }));
    await postCase(caseworker.agent, supporter.id, { messageId: message.id }).expect(201);
    const before = await caseCount();
    const res = await postCase(caseworker.agent, supporter.id, { messageId: message.id }).expect(409);
    expect(res.body.fields).toEqual({ messageId: 'is already in a case' });
    expect(await caseCount()).toBe(before);
  });

  it('answers 400 for an outbound message', async () => {
    const id = await app.get(MessagesService).recordOutbound({
      rfcMessageId: uniqueId('out'),
      caseId: null,
      fromAddress: 'campaigns@campaign-desk.local',
      to: [{ name: 'Sam', address: 'sam@example.org' }],
      subject: 'Hello',
      text: 'Hello',
      sentAt: new Date(),
    });
    expect((await postCase(caseworker.agent, supporter.id, { messageId: id }).expect(400)).body.fields).toEqual({
      messageId: 'is an outbound message',
    });
  });

  it('threads a reply carrying [CD-n] in its subject into that case, and its text into the case search', async () => {
    const created = (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
    const reply = await deliver(
      email({
        from: `Sam <${supporter.email}>`,
        subject: `Re: Your case [${created.reference}]`,
        body: 'The appointment with Mr Okonkwo-Bright was moved again.',
      }),
    );
    expect(reply).toMatchObject({
      case_id: created.id,
      classification: 'reply',
      status: 'linked',
      thread_match: 'subject_reference',
    });
    const stale = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT search_stale_at FROM cases WHERE id = $1`, [created.id])).rows[0].search_stale_at,
    );
    expect(stale).not.toBeNull();
    const search = await caseworker.agent
      .get('/api/cases')
      .query({ filter: JSON.stringify({ q: 'okonkwo' }) })
      .expect(200);
    expect(search.body.map((c: CaseDetail) => c.id)).toEqual([created.id]);
    const after = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT search_stale_at FROM cases WHERE id = $1`, [created.id])).rows[0].search_stale_at,
    );
    expect(after).toBeNull();
  });

  it('threads a reply to a case closed as a duplicate into the case it duplicates', async () => {
    const original = (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
    const duplicate = (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
    await caseworker.agent
      .post(`/api/cases/${duplicate.id}/transition`)
      .send({ to: 'closed', outcome: 'duplicate', duplicateOfId: original.id })
      .expect(200);
    const reply = await deliver(email({ from: supporter.email, subject: `Re: [${duplicate.reference}] update` }));
    expect(reply.case_id).toBe(original.id);
  });

  describe('[CD-n] from someone who is not a party to the case', () => {
    it("keeps a stranger's email out of the case, in triage with the claimed reference as a suggestion", async () => {
      const created = (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
      const stranger = await deliver(
        email({ from: 'Mallory <mallory@example.net>', subject: `Re: [${created.reference}] my case` }),
      );
      expect(stranger).toMatchObject({ case_id: null, classification: 'request', status: 'new', thread_match: null });
      const inbox = await caseworker.agent
        .get('/api/messages')
        .query({ filter: JSON.stringify({ triage: true }), range: '[0,99]' })
        .expect(200);
      expect(inbox.body.map((m: { id: string }) => m.id)).toContain(stranger.id);
      const suggestions = await caseworker.agent.get(`/api/messages/${stranger.id}/suggestions`).expect(200);
      expect(suggestions.body.claimedCase).toEqual({ reference: created.reference });
      const timeline = await caseworker.agent.get(`/api/cases/${created.id}/timeline`).expect(200);
      expect(timeline.body.map((e: TimelineEntry) => e.id)).not.toContain(`message:${stranger.id}`);
    });

    it("files the supporter's own email (whatever its capitals) and the MP's office's by the reference", async () => {
      const created = (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
      const own = await deliver(
        email({ from: supporter.email.toUpperCase(), subject: `Re: [${created.reference}] update` }),
      );
      expect(own).toMatchObject({ case_id: created.id, thread_match: 'subject_reference' });
      const mpEmail = await withDb(
        env.databaseUrl,
        async (db) =>
          (await db.query(`SELECT email::text FROM mps WHERE id = $1`, [created.mpId])).rows[0]?.email as
            string | undefined,
      );
      expect(mpEmail).toBeTruthy();
      const office = await deliver(email({ from: `Office <${mpEmail}>`, subject: `RE: [${created.reference}]` }));
      expect(office).toMatchObject({ case_id: created.id, thread_match: 'subject_reference' });
    });

    it('files the email of the office of an MP the case has been in contact with, not of any other MP', async () => {
      const created = (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
      const [contacted, stranger] = await withDb(
        env.databaseUrl,
        async (db) =>
          (
            await db.query(`SELECT id, email::text FROM mps WHERE email IS NOT NULL AND id <> $1 ORDER BY id LIMIT 2`, [
              created.mpId,
            ])
          ).rows as { id: number; email: string }[],
      );
      // A letter to the MP who held the seat before (the case's MP is someone else now).
      await withDb(env.databaseUrl, (db) =>
        db.query(
          `INSERT INTO mp_contacts (case_id, mp_id, channel, direction, contacted_by, contacted_at)
           VALUES ($1, $2, 'letter', 'outbound', 'charity', now())`,
          [created.id, contacted.id],
        ),
      );
      const fromContacted = await deliver(email({ from: contacted.email, subject: `Re: [${created.reference}]` }));
      expect(fromContacted).toMatchObject({ case_id: created.id, thread_match: 'subject_reference' });
      const fromOther = await deliver(email({ from: stranger.email, subject: `Re: [${created.reference}]` }));
      expect(fromOther).toMatchObject({ case_id: null, status: 'new' });
    });

    it('files the email of an address the charity wrote to from the case', async () => {
      const created = (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
      await app.get(MessagesService).recordOutbound({
        rfcMessageId: uniqueId('out'),
        caseId: created.id,
        fromAddress: 'campaigns@campaign-desk.local',
        to: [{ name: 'Caseworker at the trust', address: 'pals@trust.example.nhs.uk' }],
        subject: `Your patient [${created.reference}]`,
        text: 'Hello',
        sentAt: new Date(),
      });
      const answer = await deliver(email({ from: 'PALS@trust.example.nhs.uk', subject: `Re: [${created.reference}]` }));
      expect(answer).toMatchObject({ case_id: created.id, thread_match: 'subject_reference' });
    });

    it('offers no claimed case for a message without a reference', async () => {
      const plain = await deliver(email({ from: 'someone@example.net', subject: 'Hello' }));
      const suggestions = await caseworker.agent.get(`/api/messages/${plain.id}/suggestions`).expect(200);
      expect(suggestions.body.claimedCase).toBeNull();
    });
  });

  it('leaves an unknown reference unthreaded', async () => {
    const reply = await deliver(email({ subject: 'Re: [CD-987654321] hello' }));
    expect(reply.case_id).toBeNull();
  });
});
