import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ImapFlow } from 'imapflow';
import { randomUUID } from 'node:crypto';
import { ERASURE_STEPS, type ErasureDto } from '@campaign-desk/contracts';
import { londonDate } from '@campaign-desk/server-core';
import { ImapPollerService, IntakeDataSubjectService, type PollResult } from '@campaign-desk/server-intake';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { connectMailbox, startDovecot, type Dovecot } from '../support/dovecot';
import { INBOUND_TOKEN, postEmail } from '../support/intake';
import {
  dumpDatabase,
  dumpRedis,
  markersIn,
  refusedCount,
  seedSubject,
  startIntakeWorker,
  type Subject,
} from '../support/privacy';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** Erasure (issue 12, DESIGN §4 invariant 11): nothing of the supporter is left, nothing comes back, reports stand. */
describe('privacy: erasing a supporter', () => {
  let dovecot: Dovecot;
  let env: TestEnv;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let mailbox: ImapFlow;
  let admin: Awaited<ReturnType<typeof signedInAgent>>;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let subject: Subject;

  const poll = () => worker.get(ImapPollerService).pollOnce() as Promise<Extract<PollResult, { unseen: number }>>;
  const deliverImap = async (raw: Buffer) => {
    await mailbox.append('INBOX', raw);
    const result = await poll();
    expect(result.stored).toBe(1);
    const [row] = await withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT id FROM raw_messages WHERE source = 'imap' ORDER BY received_at DESC LIMIT 1`,
      );
      return rows as { id: string }[];
    });
    const { MessageParserService } = await import('@campaign-desk/server-intake');
    await worker.get(MessageParserService).parse(row.id);
  };
  const today = londonDate(new Date());
  const report = async () =>
    (
      await admin.agent
        .get(`/api/reports/mp-engagement?from=${today.slice(0, 4)}-01-01&to=${today}&groupBy=mp`)
        .expect(200)
    ).body as unknown;
  const counts = () =>
    withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM raw_messages)::int AS raw, (SELECT count(*) FROM messages)::int AS messages`,
      );
      return rows[0] as { raw: number; messages: number };
    });

  /** A supporter whose case awaits the MP: its chase plan is scheduled. */
  const awaitingMp = async () => {
    const supporter = await consentingSupporter(api);
    const found = await caseInProgress(caseworker.agent, supporter.id);
    await caseworker.agent
      .post(`/api/cases/${found.id}/mp-contacts`)
      .send({ channel: 'letter', direction: 'outbound', date: today })
      .expect(201);
    return { supporter, found };
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    env = await prepareTestEnv({ INBOUND_TOKEN, IMAP_URL: dovecot.url, IMAP_IDLE: 'false' });
    api = await startApi();
    worker = await startIntakeWorker();
    await importDirectory(api);
    admin = await signedInAgent(api, 'admin');
    caseworker = await signedInAgent(api, 'caseworker');
    mailbox = await connectMailbox(dovecot);
    subject = await seedSubject(api, worker, caseworker.agent, deliverImap);
  }, 120_000);

  afterAll(async () => {
    await mailbox?.logout().catch(() => undefined);
    await worker?.close();
    await api?.close();
    await dovecot?.stop();
  });

  it('holds every marker before the erasure (the seed reached every table)', async () => {
    const dump = await dumpDatabase(env.databaseUrl);
    expect(markersIn(dump, subject.markers).sort()).toEqual(Object.keys(subject.markers).sort());
  });

  it('refuses without a reason (naming it), for a caseworker, and for an unknown id', async () => {
    const url = `/api/supporters/${subject.supporter.id}/erasure`;
    const res = await admin.agent.post(url).send({}).expect(400);
    expect(Object.keys(res.body.fields ?? {})).toEqual(['reason']);
    await admin.agent.post(url).send({ reason: '   ' }).expect(400);
    await caseworker.agent.post(url).send({ reason: 'Asked to be forgotten' }).expect(403);
    await admin.agent.post(`/api/supporters/${randomUUID()}/erasure`).send({ reason: 'x' }).expect(404);
    await admin.agent.post(`/api/supporters/not-an-id/erasure`).send({ reason: 'x' }).expect(404);
  });

  it('erases: no marker left in the database or Redis, mail cancelled, audit kept, reports unchanged', async () => {
    const before = await report();
    expect(JSON.stringify(before)).toContain('"contacts":1');
    const pending = await outboxRows(env.databaseUrl, `case_id = $1 AND status = 'scheduled'`, [subject.caseId]);
    expect(pending.length).toBeGreaterThan(2);

    const res = await admin.agent
      .post(`/api/supporters/${subject.supporter.id}/erasure`)
      .send({ reason: 'Asked to be forgotten' })
      .expect(200);
    const erasure = res.body as ErasureDto;
    expect(erasure).toMatchObject({ supporterId: subject.supporter.id, status: 'completed' });
    expect(erasure.stepsDone).toEqual([...ERASURE_STEPS]);
    const rows = await outboxRows(env.databaseUrl, `case_id = $1`, [subject.caseId]);
    expect(rows.filter((r) => r.status === 'scheduled')).toEqual([]);
    expect(
      rows.filter((r) => pending.some((p) => p.id === r.id)).map((r) => [r.kind, r.status, r.cancel_reason]),
    ).toEqual(pending.map((p) => [p.kind, 'cancelled', 'supporter_erased']));
    expect(erasure.counts).toMatchObject({
      cases: 1,
      emailsCancelled: pending.length,
      messages: 2,
      raw: 2,
      attachments: 1,
      auditEventsRedacted: 1,
    });

    expect(markersIn(await dumpDatabase(env.databaseUrl), subject.markers)).toEqual([]);
    expect(markersIn(await dumpRedis(env.queuePrefix), subject.markers)).toEqual([]);
    expect(await report()).toEqual(before);

    const audit = await withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT action FROM audit_events WHERE entity_id = $1 OR entity_id = $2 ORDER BY id`,
        [subject.supporter.id, subject.caseId],
      );
      return rows.map((r) => r.action as string);
    });
    expect(audit).toEqual(expect.arrayContaining(['supporter.created', 'case.created', 'supporter.erased']));

    const again = await admin.agent
      .post(`/api/supporters/${subject.supporter.id}/erasure`)
      .send({ reason: 'A second click' })
      .expect(200);
    expect(again.body).toEqual(erasure);
    expect((await admin.agent.get(`/api/supporters/${subject.supporter.id}/erasure`).expect(200)).body).toEqual(
      erasure,
    );
  });

  it('refuses a redelivered webhook call and a re-polled IMAP message, storing nothing and counting them', async () => {
    const stored = await counts();
    const refused = await refusedCount(env.databaseUrl);

    const res = await postEmail(api, subject.webhookRaw).expect(202);
    expect(res.body).toMatchObject({ status: 'refused', messageId: null });

    // The same message again in the mailbox, unseen, as a mailbox restored from backup would have it.
    await mailbox.append('INBOX', subject.imapRaw);
    const result = await poll();
    expect(result).toMatchObject({ unseen: 1, stored: 0, refused: 1 });

    expect(await counts()).toEqual(stored);
    expect(await refusedCount(env.databaseUrl)).toBe(refused + 2);
    expect(markersIn(await dumpDatabase(env.databaseUrl), subject.markers)).toEqual([]);
  });

  it('resumes an erasure that crashed after cancelling the mail, and finishes it on the next call', async () => {
    const { supporter, found } = await awaitingMp();
    const intake = api.get(IntakeDataSubjectService);
    const crash = jest.spyOn(intake, 'tombstoneSupporterIn').mockRejectedValueOnce(new Error('power cut'));
    const url = `/api/supporters/${supporter.id}/erasure`;
    await admin.agent.post(url).send({ reason: 'Asked to be forgotten' }).expect(500);
    crash.mockRestore();

    const halfway = (await admin.agent.get(url).expect(200)).body as ErasureDto;
    expect(halfway).toMatchObject({ status: 'in_progress', stepsDone: ['cancel_mail'], completedAt: null });
    const rows = await outboxRows(env.databaseUrl, `case_id = $1`, [found.id]);
    expect(rows.map((r) => r.status)).not.toContain('scheduled');

    const done = (await admin.agent.post(url).send({ reason: 'Retry' }).expect(200)).body as ErasureDto;
    expect(done).toMatchObject({ id: halfway.id, status: 'completed', reason: 'Asked to be forgotten' });
    const [row] = await withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT name, email, phone FROM supporters WHERE id = $1`, [supporter.id]);
      return rows;
    });
    expect(row).toEqual({ name: 'Erased supporter', email: `erased-${supporter.id}@erased.invalid`, phone: null });
  });

  it('a plain DELETE cancels everything pending and blocks all contact', async () => {
    const { supporter, found } = await awaitingMp();
    await caseworker.agent.post(`/api/cases/${found.id}/reply`).send({ body: 'Thanks' }).expect(201);
    const before = await outboxRows(env.databaseUrl, `case_id = $1 AND status = 'scheduled'`, [found.id]);
    expect(before.map((r) => r.kind).sort()).toEqual(
      ['checkin_reminder', 'mp_chase', 'mp_chase', 'reply', 'supporter_checkin'].sort(),
    );

    await admin.agent.delete(`/api/supporters/${supporter.id}`).expect(200);
    const after = await outboxRows(env.databaseUrl, `case_id = $1`, [found.id]);
    expect(after.map((r) => [r.status, r.cancel_reason])).toEqual(before.map(() => ['cancelled', 'supporter_deleted']));
    const tasks = await withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT status FROM chase_tasks WHERE case_id = $1`, [found.id]);
      return rows.map((r) => r.status as string);
    });
    expect(tasks.filter((s) => s === 'open')).toEqual([]);
  });
});
