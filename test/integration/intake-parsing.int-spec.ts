import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { QueueService } from '@campaign-desk/server-core';
import {
  CaseReferenceResolver,
  IntakeReconcilerService,
  MessageParserService,
  MessagesService,
} from '@campaign-desk/server-intake';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { corpusMessage } from '../support/email-corpus';
import {
  email,
  INBOUND_TOKEN,
  insertCase,
  messageRow,
  postEmail,
  quarantineRow,
  uniqueId,
  waitFor,
  waitForProcessed,
} from '../support/intake';
import { prepareTestEnv, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** Stands in for the cases lib: `CD-n` → a case id, whose only party is the default test sender. */
const caseNumbers = new Map<string, string>();
const resolver: CaseReferenceResolver = {
  resolve: async (reference) => {
    const caseId = caseNumbers.get(reference);
    return caseId ? { caseId, parties: ['sam@example.org'] } : null;
  },
};

async function startWorkerWithCases(): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
    .overrideProvider(CaseReferenceResolver)
    .useValue(resolver)
    .compile();
  await moduleRef.init();
  return moduleRef;
}

describe('parsing, classification and threading', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN });
    app = await startApi();
    worker = await startWorkerWithCases();
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const deliver = async (raw: Buffer) => {
    const res = await postEmail(app, raw).expect(202);
    await waitForProcessed(env.databaseUrl, [res.body.messageId]);
    return (await messageRow(env.databaseUrl, res.body.messageId))!;
  };
  const sent = async (subject: string, caseId: string | null, rfcMessageId = uniqueId('out')) => {
    const id = await app.get(MessagesService).recordOutbound({
      rfcMessageId,
      caseId,
      fromAddress: 'campaigns@campaign-desk.local',
      to: [{ name: 'Sam', address: 'sam@example.org' }],
      subject,
      text: 'Thank you for writing to us.',
      sentAt: new Date(),
    });
    return { id, rfcMessageId };
  };

  describe('threading', () => {
    it('joins a reply to its case by In-Reply-To against an outbound message', async () => {
      const caseId = (await insertCase(env.databaseUrl)).id;
      const out = await sent('Your case', caseId);
      const reply = await deliver(
        email({ subject: 'Re: Your case', headers: { 'In-Reply-To': `<${out.rfcMessageId}>` } }),
      );
      expect(reply).toMatchObject({
        classification: 'reply',
        status: 'linked',
        case_id: caseId,
        thread_match: 'in_reply_to',
        related_message_id: out.id,
      });
    });

    it('joins by References when In-Reply-To is unknown, preferring the newest known id', async () => {
      const caseId = (await insertCase(env.databaseUrl)).id;
      const older = await sent('Older', (await insertCase(env.databaseUrl)).id);
      const newer = await sent('Newer', caseId);
      const reply = await deliver(
        email({
          headers: {
            'In-Reply-To': `<${uniqueId('unknown')}>`,
            References: `<${older.rfcMessageId}> <${newer.rfcMessageId}> <${uniqueId('unknown')}>`,
          },
        }),
      );
      expect(reply).toMatchObject({
        classification: 'reply',
        case_id: caseId,
        thread_match: 'references',
        related_message_id: newer.id,
      });
    });

    it('joins a reply to an inbound message that is already in a case', async () => {
      const caseId = (await insertCase(env.databaseUrl)).id;
      const first = await deliver(email({ subject: 'First' }));
      await withDb(env.databaseUrl, (db) =>
        db.query(`UPDATE messages SET case_id = $2, status = 'linked' WHERE id = $1`, [first.id, caseId]),
      );
      const rfc = await withDb(
        env.databaseUrl,
        async (db) =>
          (await db.query(`SELECT rfc_message_id FROM messages WHERE id = $1`, [first.id])).rows[0].rfc_message_id,
      );
      const second = await deliver(email({ subject: 'Re: First', headers: { 'In-Reply-To': `<${rfc}>` } }));
      expect(second).toMatchObject({ classification: 'reply', case_id: caseId });
    });

    it('joins by the [CD-n] reference in the subject when the headers say nothing', async () => {
      const caseId = (await insertCase(env.databaseUrl)).id;
      caseNumbers.set('CD-1234', caseId);
      const reply = await deliver(email({ subject: 'RE: [CD-1234] Update on my appointment' }));
      expect(reply).toMatchObject({
        classification: 'reply',
        status: 'linked',
        case_id: caseId,
        thread_match: 'subject_reference',
      });
    });

    it('leaves an unknown reference or unknown headers as a new request', async () => {
      expect(await deliver(email({ subject: 'Re: [CD-999999] hello' }))).toMatchObject({
        classification: 'request',
        status: 'new',
        case_id: null,
      });
      expect(await deliver(email({ headers: { 'In-Reply-To': `<${uniqueId('nowhere')}>` } }))).toMatchObject({
        classification: 'request',
        case_id: null,
        related_message_id: null,
      });
    });

    it('a follow-up to a message still in triage stays a request, pointing at what it answers', async () => {
      const first = await deliver(email({ subject: 'Help please' }));
      const rfc = await withDb(
        env.databaseUrl,
        async (db) =>
          (await db.query(`SELECT rfc_message_id FROM messages WHERE id = $1`, [first.id])).rows[0].rfc_message_id,
      );
      const followUp = await deliver(email({ subject: 'Re: Help please', headers: { 'In-Reply-To': `<${rfc}>` } }));
      expect(followUp).toMatchObject({
        classification: 'request',
        status: 'new',
        case_id: null,
        related_message_id: first.id,
      });
    });

    it('keeps the quoted history but stores the new part separately', async () => {
      const body =
        'Yes, Thursday works.\r\n\r\nOn Mon, 23 Nov 2026 at 09:00, Campaigns <campaigns@campaign-desk.local> wrote:\r\n> Can you meet on Thursday?\r\n';
      const row = await deliver(email({ body }));
      expect(row.text_body).toBe('Yes, Thursday works.');
      expect(row.quoted_text).toMatch(
        /^On Mon, 23 Nov 2026 at 09:00, Campaigns <campaigns@campaign-desk.local> wrote:\n> Can you meet on Thursday\?/,
      );
    });
  });

  describe('classification', () => {
    it('attaches a bounce to the outbound message it returns, marks that message bounced and joins its case', async () => {
      const caseId = (await insertCase(env.databaseUrl)).id;
      const out = await sent('Your letter', caseId, '4E326A95.3010907@example.com');
      const bounce = await deliver(corpusMessage('flanker__mailbox-full.eml'));
      expect(bounce).toMatchObject({
        classification: 'bounce',
        status: 'linked',
        case_id: caseId,
        related_message_id: out.id,
      });
      const original = await messageRow(env.databaseUrl, out.id);
      expect(original).toMatchObject({ status: 'bounced', bounced_at: expect.any(Date) });
    });

    it('does not mark the original bounced for a delay warning', async () => {
      const out = await sent(
        'Chase',
        (await insertCase(env.databaseUrl)).id,
        '15655788.13.1200472642578.JavaMail.Administrator@mail.ttttt.com.au',
      );
      const warning = await deliver(corpusMessage('rubymail__report_422.eml'));
      expect(warning).toMatchObject({ classification: 'bounce', related_message_id: out.id });
      expect((await messageRow(env.databaseUrl, out.id))?.status).toBe('sent');
    });

    it('a bounce for a message we do not know is kept and ignored, never a case', async () => {
      expect(await deliver(corpusMessage('sisimai__dos-lhost-postfix-01.eml'))).toMatchObject({
        classification: 'bounce',
        status: 'ignored',
        case_id: null,
      });
    });

    it('an auto-reply to our message joins the case but stays an auto-reply', async () => {
      const caseId = (await insertCase(env.databaseUrl)).id;
      const out = await sent('Your case', caseId);
      const row = await deliver(
        email({
          subject: 'Automatic reply: Your case',
          headers: { 'In-Reply-To': `<${out.rfcMessageId}>`, 'Auto-Submitted': 'auto-replied' },
        }),
      );
      expect(row).toMatchObject({ classification: 'auto_reply', status: 'linked', case_id: caseId });
    });

    it('auto-replies, read receipts and spam with no case are ignored, not requests', async () => {
      expect(await deliver(email({ subject: 'Out of Office: back Monday' }))).toMatchObject({
        classification: 'auto_reply',
        status: 'ignored',
      });
      expect(await deliver(corpusMessage('flanker__disposition-notification.eml'))).toMatchObject({
        classification: 'read_receipt',
        status: 'ignored',
      });
      expect(await deliver(email({ headers: { 'X-Spam-Flag': 'YES' } }))).toMatchObject({
        classification: 'spam',
        status: 'ignored',
      });
    });

    it('spam never threads into a case, whatever its headers claim', async () => {
      const out = await sent('Your case', (await insertCase(env.databaseUrl)).id);
      const spam = await deliver(
        email({ headers: { 'X-Spam-Status': 'Yes, score=20', 'In-Reply-To': `<${out.rfcMessageId}>` } }),
      );
      expect(spam).toMatchObject({ classification: 'spam', case_id: null, status: 'ignored' });
    });
  });

  describe('faults', () => {
    const queue = () => worker.get(QueueService).queue('intake');
    const stopWorker = async () => {
      await worker.close();
    };

    it('a worker killed mid-parse: the message is parsed once the next worker runs', async () => {
      await stopWorker();
      const res = await postEmail(app, email({ subject: 'Parsed after a crash' })).expect(202);
      const id = res.body.messageId as string;
      // The dead worker's transaction still holds the row lock.
      const dead = new Client({ connectionString: env.databaseUrl });
      await dead.connect();
      dead.on('error', () => undefined);
      await dead.query('BEGIN');
      await dead.query(`SELECT 1 FROM raw_messages WHERE id = $1 FOR UPDATE`, [id]);
      worker = await startWorkerWithCases();
      // The new worker's job cannot claim it (SKIP LOCKED) and finishes without parsing.
      const job = await waitFor(
        async () => {
          const j = await queue().getJob(id);
          return j && (await j.getState()) === 'completed' ? j : null;
        },
        20_000,
        'the parse job to finish',
      );
      expect(job.returnvalue).toEqual({ status: 'skipped' });
      // The crashed worker's connection goes away: Postgres releases the lock and rolls back.
      await withDb(env.databaseUrl, (db) =>
        db.query(`SELECT pg_terminate_backend($1)`, [(dead as unknown as { processID: number }).processID]),
      );
      await dead.end().catch(() => undefined);
      expect((await worker.get(IntakeReconcilerService).reconcile()).requeued).toBeGreaterThanOrEqual(1);
      await waitForProcessed(env.databaseUrl, [id]);
      const counts = await withDb(
        env.databaseUrl,
        async (db) =>
          (await db.query(`SELECT count(*)::int AS n FROM messages WHERE raw_message_id = $1`, [id])).rows[0].n,
      );
      expect(counts).toBe(1);
      expect((await messageRow(env.databaseUrl, id))?.subject).toBe('Parsed after a crash');
    });

    it('Redis forgot the job: the reconciler at worker start parses the stored message', async () => {
      await stopWorker();
      const res = await postEmail(app, email({ subject: 'Redis forgot me' })).expect(202);
      const id = res.body.messageId as string;
      await app.get(QueueService).queue('intake').remove(id);
      expect(await app.get(QueueService).queue('intake').getJob(id)).toBeUndefined();
      worker = await startWorkerWithCases();
      await waitForProcessed(env.databaseUrl, [id]);
      expect((await messageRow(env.databaseUrl, id))?.subject).toBe('Redis forgot me');
    });

    it('parses exactly once when several jobs race for the same message', async () => {
      await stopWorker();
      const res = await postEmail(app, email({ subject: 'Raced' })).expect(202);
      const id = res.body.messageId as string;
      await app.get(QueueService).queue('intake').remove(id);
      const parserWorker = await startWorkerWithCases();
      worker = parserWorker;
      const results = await Promise.all(
        Array.from({ length: 5 }, () => parserWorker.get(MessageParserService).parse(id)),
      );
      const parsed = results.filter((r) => r.status === 'parsed');
      expect(parsed).toHaveLength(1);
      expect(results.filter((r) => r.status === 'skipped')).toHaveLength(4);
      const count = await withDb(
        env.databaseUrl,
        async (db) => (await db.query(`SELECT count(*)::int AS n FROM messages WHERE id = $1`, [id])).rows[0].n,
      );
      expect(count).toBe(1);
    });

    it('a message that keeps failing is quarantined instead of retried forever', async () => {
      await stopWorker();
      const res = await postEmail(app, email({ subject: 'Poison' })).expect(202);
      const id = res.body.messageId as string;
      await withDb(env.databaseUrl, (db) =>
        db.query(`UPDATE raw_messages SET parse_failures = 3, last_error = 'boom' WHERE id = $1`, [id]),
      );
      worker = await startWorkerWithCases();
      await waitForProcessed(env.databaseUrl, [id]);
      expect(await quarantineRow(env.databaseUrl, id)).toMatchObject({ reason: 'repeated_failure', detail: 'boom' });
    });

    it('a message that takes longer than the parse cap is quarantined and the worker keeps going', async () => {
      await stopWorker();
      const previous = process.env.INTAKE_PARSE_TIMEOUT_MS;
      process.env.INTAKE_PARSE_TIMEOUT_MS = '1000';
      try {
        worker = await startWorkerWithCases();
        await new Promise((r) => setTimeout(r, 3_000)); // let the parse threads start
        // About 5 MB of styled paragraphs: seconds of sanitising, far past the 1 s cap.
        const slow = Buffer.from(
          `Subject: slow\r\nMessage-ID: <${uniqueId('slow')}>\r\nContent-Type: text/html\r\n\r\n${'<p style="color:red">x</p>'.repeat(200_000)}`,
        );
        const [a, b] = await Promise.all([
          postEmail(app, slow).expect(202),
          postEmail(app, email({ subject: 'Next in line' })).expect(202),
        ]);
        await waitForProcessed(env.databaseUrl, [a.body.messageId, b.body.messageId]);
        expect(await quarantineRow(env.databaseUrl, a.body.messageId)).toMatchObject({ reason: 'parse_timeout' });
        expect((await messageRow(env.databaseUrl, b.body.messageId))?.subject).toBe('Next in line');
      } finally {
        if (previous === undefined) delete process.env.INTAKE_PARSE_TIMEOUT_MS;
        else process.env.INTAKE_PARSE_TIMEOUT_MS = previous;
        await stopWorker();
        worker = await startWorkerWithCases();
      }
    });
  });
});
