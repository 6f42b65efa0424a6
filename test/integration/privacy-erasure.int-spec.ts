import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ERASURE_STEPS, type ErasureDto } from '@campaign-desk/contracts';
import { londonDate } from '@campaign-desk/server-core';
import { CASE_SEND_LOCK } from '@campaign-desk/server-correspondence';
import { IntakeDataSubjectService } from '@campaign-desk/server-intake';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { postEmail } from '../support/intake';
import {
  dumpDatabase,
  dumpRedis,
  markersIn,
  refusedCount,
  seedSubject,
  startPrivacyEnv,
  type PrivacyEnv,
  type Subject,
} from '../support/privacy';
import { withDb } from '../support/test-database';

/** Erasure (issue 12, DESIGN §4 invariant 11): nothing of the supporter is left, nothing comes back, reports stand. */
describe('privacy: erasing a supporter', () => {
  let ctx: PrivacyEnv;
  let subject: Subject;
  const today = londonDate(new Date());
  const report = async () =>
    (
      await ctx.admin.agent
        .get(`/api/reports/mp-engagement?from=${today.slice(0, 4)}-01-01&to=${today}&groupBy=mp`)
        .expect(200)
    ).body as unknown;
  const counts = () =>
    withDb(ctx.env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM raw_messages)::int AS raw, (SELECT count(*) FROM messages)::int AS messages`,
      );
      return rows[0] as { raw: number; messages: number };
    });
  /** A supporter whose case awaits the MP: its chase plan is scheduled. */
  const awaitingMp = async () => {
    const supporter = await consentingSupporter(ctx.api);
    const found = await caseInProgress(ctx.caseworker.agent, supporter.id);
    await ctx.caseworker.agent
      .post(`/api/cases/${found.id}/mp-contacts`)
      .send({ channel: 'letter', direction: 'outbound', date: today })
      .expect(201);
    return { supporter, found };
  };

  beforeAll(async () => {
    ctx = await startPrivacyEnv();
    subject = await seedSubject(ctx);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('holds every marker before the erasure (the seed reached every table)', async () => {
    const dump = await dumpDatabase(ctx.env.databaseUrl);
    expect(markersIn(dump, subject.markers).sort()).toEqual(Object.keys(subject.markers).sort());
  });

  it('refuses without a reason (naming it), for a caseworker, and for an unknown id', async () => {
    const url = `/api/supporters/${subject.supporter.id}/erasure`;
    const res = await ctx.admin.agent.post(url).send({}).expect(400);
    expect(Object.keys(res.body.fields ?? {})).toEqual(['reason']);
    await ctx.admin.agent.post(url).send({ reason: '   ' }).expect(400);
    await ctx.caseworker.agent.post(url).send({ reason: 'Asked to be forgotten' }).expect(403);
    await ctx.admin.agent.post(`/api/supporters/${randomUUID()}/erasure`).send({ reason: 'x' }).expect(404);
    await ctx.admin.agent.post(`/api/supporters/not-an-id/erasure`).send({ reason: 'x' }).expect(404);
  });

  it('erases: no marker left in the database or Redis, mail cancelled, audit kept, reports unchanged', async () => {
    const before = await report();
    expect(JSON.stringify(before)).toContain('"contacts":1');
    const pending = await outboxRows(ctx.env.databaseUrl, `case_id = $1 AND status IN ('draft', 'scheduled')`, [
      subject.caseId,
    ]);
    expect(pending.length).toBeGreaterThan(2);

    const res = await ctx.admin.agent
      .post(`/api/supporters/${subject.supporter.id}/erasure`)
      .send({ reason: 'Asked to be forgotten' })
      .expect(200);
    const erasure = res.body as ErasureDto;
    expect(erasure).toMatchObject({ supporterId: subject.supporter.id, status: 'completed' });
    expect(erasure.stepsDone).toEqual([...ERASURE_STEPS]);
    const rows = await outboxRows(ctx.env.databaseUrl, `case_id = $1`, [subject.caseId]);
    expect(rows.filter((r) => r.status === 'scheduled' || r.status === 'draft')).toEqual([]);
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
      unparsedRaw: 1,
    });

    expect(markersIn(await dumpDatabase(ctx.env.databaseUrl), subject.markers)).toEqual([]);
    expect(markersIn(await dumpRedis(ctx.env.queuePrefix), subject.markers)).toEqual([]);
    expect(await report()).toEqual(before);

    const audit = await withDb(ctx.env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT action FROM audit_events WHERE entity_id = $1 OR entity_id = $2 ORDER BY id`,
        [subject.supporter.id, subject.caseId],
      );
      return rows.map((r) => r.action as string);
    });
    expect(audit).toEqual(expect.arrayContaining(['supporter.created', 'case.created', 'supporter.erased']));

    const again = await ctx.admin.agent
      .post(`/api/supporters/${subject.supporter.id}/erasure`)
      .send({ reason: 'A second click' })
      .expect(200);
    expect(again.body).toEqual(erasure);
    expect((await ctx.admin.agent.get(`/api/supporters/${subject.supporter.id}/erasure`).expect(200)).body).toEqual(
      erasure,
    );
  });

  it('refuses a redelivered webhook call and a re-polled IMAP message, storing nothing and counting them', async () => {
    const stored = await counts();
    const refused = await refusedCount(ctx.env.databaseUrl);

    const res = await postEmail(ctx.api, subject.webhookRaw).expect(202);
    expect(res.body).toMatchObject({ status: 'refused', messageId: null });

    // The same message again in the mailbox, unseen, as a mailbox restored from backup would have it.
    await ctx.mailbox.append('INBOX', subject.imapRaw);
    const result = await ctx.poll();
    expect(result).toMatchObject({ unseen: 1, stored: 0, refused: 1 });

    expect(await counts()).toEqual(stored);
    expect(await refusedCount(ctx.env.databaseUrl)).toBe(refused + 2);
    expect(markersIn(await dumpDatabase(ctx.env.databaseUrl), subject.markers)).toEqual([]);
  });

  it('resumes an erasure that crashed after cancelling the mail, and finishes it on the next call', async () => {
    const { supporter, found } = await awaitingMp();
    const intake = ctx.api.get(IntakeDataSubjectService);
    const crash = jest.spyOn(intake, 'tombstoneSupporterIn').mockRejectedValueOnce(new Error('power cut'));
    const url = `/api/supporters/${supporter.id}/erasure`;
    await ctx.admin.agent.post(url).send({ reason: 'Asked to be forgotten' }).expect(500);
    crash.mockRestore();

    const halfway = (await ctx.admin.agent.get(url).expect(200)).body as ErasureDto;
    expect(halfway).toMatchObject({ status: 'in_progress', stepsDone: ['cancel_mail'], completedAt: null });
    const rows = await outboxRows(ctx.env.databaseUrl, `case_id = $1`, [found.id]);
    expect(rows.map((r) => r.status)).not.toContain('scheduled');

    const done = (await ctx.admin.agent.post(url).send({ reason: 'Retry' }).expect(200)).body as ErasureDto;
    expect(done).toMatchObject({ id: halfway.id, status: 'completed', reason: 'Asked to be forgotten' });
    const [row] = await withDb(ctx.env.databaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT name, email, phone FROM supporters WHERE id = $1`, [supporter.id]);
      return rows;
    });
    expect(row).toEqual({ name: 'Erased supporter', email: `erased-${supporter.id}@erased.invalid`, phone: null });
  });

  it('waits for a send in flight: it completes and is recorded, everything else is cancelled', async () => {
    const { supporter, found } = await awaitingMp();
    const reply = (
      await ctx.caseworker.agent.post(`/api/cases/${found.id}/reply`).send({ body: 'On its way' }).expect(201)
    ).body as { id: string };
    // A sender mid-send, as the worker does it: the case's send lock held shared, the row claimed.
    const sender = new Client({ connectionString: ctx.env.databaseUrl });
    await sender.connect();
    try {
      await sender.query(`SELECT pg_advisory_lock_shared(${CASE_SEND_LOCK}, hashtext($1::text))`, [found.id]);
      await sender.query(`UPDATE scheduled_emails SET status = 'sending', attempts = 1 WHERE id = $1`, [reply.id]);
      const erasing = ctx.admin.agent
        .post(`/api/supporters/${supporter.id}/erasure`)
        .send({ reason: 'Asked to be forgotten' })
        .then((res) => res);
      await new Promise((r) => setTimeout(r, 700));
      const waiting = (await ctx.admin.agent.get(`/api/supporters/${supporter.id}/erasure`).expect(200))
        .body as ErasureDto;
      expect(waiting.stepsDone).toEqual([]);
      await sender.query(`UPDATE scheduled_emails SET status = 'sent', sent_at = now() WHERE id = $1`, [reply.id]);
      await sender.query(`SELECT pg_advisory_unlock_shared(${CASE_SEND_LOCK}, hashtext($1::text))`, [found.id]);
      expect((await erasing).status).toBe(200);
    } finally {
      await sender.end();
    }
    const rows = await outboxRows(ctx.env.databaseUrl, `case_id = $1`, [found.id]);
    expect(rows.find((r) => r.id === reply.id)?.status).toBe('sent');
    expect(rows.filter((r) => r.id !== reply.id).map((r) => [r.status, r.cancel_reason])).toEqual(
      rows.filter((r) => r.id !== reply.id).map(() => ['cancelled', 'supporter_erased']),
    );
  });

  it('a plain DELETE cancels everything pending and blocks all contact', async () => {
    const { supporter, found } = await awaitingMp();
    await ctx.caseworker.agent.post(`/api/cases/${found.id}/reply`).send({ body: 'Thanks' }).expect(201);
    const before = await outboxRows(ctx.env.databaseUrl, `case_id = $1 AND status = 'scheduled'`, [found.id]);
    expect(before.map((r) => r.kind).sort()).toEqual(
      ['checkin_reminder', 'mp_chase', 'mp_chase', 'reply', 'supporter_checkin'].sort(),
    );

    await ctx.admin.agent.delete(`/api/supporters/${supporter.id}`).expect(200);
    const after = await outboxRows(ctx.env.databaseUrl, `case_id = $1`, [found.id]);
    expect(after.map((r) => [r.status, r.cancel_reason])).toEqual(before.map(() => ['cancelled', 'supporter_deleted']));
    const tasks = await withDb(ctx.env.databaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT status FROM chase_tasks WHERE case_id = $1`, [found.id]);
      return rows.map((r) => r.status as string);
    });
    expect(tasks.filter((s) => s === 'open')).toEqual([]);
  });
});
