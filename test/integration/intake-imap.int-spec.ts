import type { INestApplicationContext } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { QueueService } from '@campaign-desk/server-core';
import { IMAP_POLL_LOCK, ImapPollerService, IntakeService, type PollResult } from '@campaign-desk/server-intake';
import { corpusMessage } from '../support/email-corpus';
import { connectMailbox, startDovecot, type Dovecot } from '../support/dovecot';
import { email, quarantineRow, uniqueId, waitForProcessed } from '../support/intake';
import { prepareTestEnv, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

const CORPUS = [
  'talon__gmail.eml',
  'sisimai__bsd-rfc3834-02.eml',
  'flanker__mailbox-full.eml',
  'flanker__disposition-notification.eml',
  'rubymail__raw_email_bad_time.eml',
  'sisimai__mac-rfc3834-01.eml',
  'chatwoot__mail_with_no_date.eml',
  'postalmime__mimetorture.eml',
];
// Over the 200 kB cap this file sets: stored as quarantined (header block only), never lost.
const OVERSIZED = 'mailparser__outofmemory.eml';

describe('IMAP intake against a real Dovecot', () => {
  let dovecot: Dovecot;
  let env: TestEnv;
  let worker: INestApplicationContext;
  let mailbox: ImapFlow;

  beforeAll(async () => {
    dovecot = await startDovecot();
    env = await prepareTestEnv({
      IMAP_URL: dovecot.url,
      IMAP_IDLE: 'false',
      INTAKE_MAX_MESSAGE_BYTES: String(200 * 1024),
    });
    worker = await startWorker();
    // The worker schedules a poll at start; the tests poll explicitly, so take the schedule away
    // and let any poll it already queued finish first.
    const queue = worker.get(QueueService).queue('intake');
    await queue.removeJobScheduler('intake.poll-imap');
    for (let i = 0; i < 100; i++) {
      const pending = (await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized'])).filter(
        (j) => j?.name === 'intake.poll-imap',
      );
      if (!pending.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    mailbox = await connectMailbox(dovecot);
  }, 60_000);

  afterAll(async () => {
    await mailbox?.logout().catch(() => undefined);
    await worker?.close();
    await dovecot?.stop();
  });

  const append = async (raws: Buffer[]) => {
    for (const raw of raws) await mailbox.append('INBOX', raw);
  };
  const unseen = async () => {
    const lock = await mailbox.getMailboxLock('INBOX');
    try {
      // NOOP makes Dovecot bring this session up to date with flags other sessions changed.
      await mailbox.noop();
      return ((await mailbox.search({ seen: false }, { uid: true })) || []).length;
    } finally {
      lock.release();
    }
  };
  const rawCount = () =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM raw_messages WHERE source = 'imap'`)).rows[0].n as number,
    );
  const imapIds = () =>
    withDb(env.databaseUrl, async (db) =>
      (await db.query(`SELECT id FROM raw_messages WHERE source = 'imap'`)).rows.map((r) => r.id as string),
    );
  /** The scheduler may be polling at the same moment: wait for the lock rather than fail. */
  const poll = async (): Promise<Exclude<PollResult, { skipped: string }>> => {
    for (let i = 0; i < 50; i++) {
      const result = await worker.get(ImapPollerService).pollOnce();
      if (!('skipped' in result)) return result;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the poll lock never came free');
  };

  it('stores every unseen message, marks it seen only after, and parses it', async () => {
    await append([...CORPUS.map(corpusMessage), corpusMessage(OVERSIZED)]);
    expect(await unseen()).toBe(CORPUS.length + 1);
    const result = await poll();
    expect(result).toEqual({
      unseen: CORPUS.length + 1,
      stored: CORPUS.length,
      duplicates: 0,
      oversized: 1,
      refused: 0,
    });
    expect(await unseen()).toBe(0);
    const statuses = await waitForProcessed(env.databaseUrl, await imapIds());
    expect([...statuses.values()].filter((s) => s === 'parsed')).toHaveLength(CORPUS.length);
    const classes = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT classification, count(*)::int AS n FROM messages GROUP BY classification ORDER BY classification`,
          )
        ).rows,
    );
    expect(classes).toEqual([
      { classification: 'auto_reply', n: 2 },
      { classification: 'bounce', n: 1 },
      { classification: 'read_receipt', n: 1 },
      { classification: 'request', n: 3 },
      { classification: 'spam', n: 1 },
    ]);
  });

  it('keeps an over-size message as a quarantine record with its headers', async () => {
    const rows = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT r.id, r.raw, q.reason, q.detail FROM raw_messages r JOIN message_quarantine q ON q.raw_message_id = r.id WHERE r.source = 'imap'`,
          )
        ).rows,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].reason).toBe('too_large');
    expect(rows[0].detail).toMatch(/^message of \d+ bytes is over the 204800 byte cap/);
    expect(rows[0].raw.toString()).toMatch(/Subject: Cause out of memory error in the mailparser/);
  });

  it('re-polling finds nothing new and stores no duplicates', async () => {
    const before = await rawCount();
    expect(await poll()).toEqual({ unseen: 0, stored: 0, duplicates: 0, oversized: 0, refused: 0 });
    expect(await rawCount()).toBe(before);
  });

  it('a message delivered again (same Message-ID) is recognised as the same message', async () => {
    const before = await rawCount();
    await append([corpusMessage('talon__gmail.eml'), corpusMessage('flanker__mailbox-full.eml')]);
    expect(await poll()).toEqual({ unseen: 2, stored: 0, duplicates: 2, oversized: 0, refused: 0 });
    expect(await rawCount()).toBe(before);
    expect(await unseen()).toBe(0);
  });

  it('killed between commit and \\Seen: nothing lost, and the re-poll stores no duplicates', async () => {
    const fresh = Array.from({ length: 5 }, (_, i) =>
      email({ subject: `Crash test ${i}`, messageId: uniqueId('crash') }),
    );
    await append(fresh);
    const before = await rawCount();
    const flags = jest.spyOn(ImapFlow.prototype, 'messageFlagsAdd').mockRejectedValueOnce(new Error('worker killed'));
    await expect(worker.get(ImapPollerService).pollOnce()).rejects.toThrow('worker killed');
    flags.mockRestore();
    // Committed, but still unseen in the mailbox.
    expect(await rawCount()).toBe(before + 5);
    expect(await unseen()).toBe(5);
    expect(await poll()).toEqual({ unseen: 5, stored: 0, duplicates: 5, oversized: 0, refused: 0 });
    expect(await rawCount()).toBe(before + 5);
    expect(await unseen()).toBe(0);
  });

  it('a failed commit leaves that message (and the rest) unseen, while earlier ones are marked seen', async () => {
    const fresh = Array.from({ length: 4 }, (_, i) =>
      email({ subject: `Outage test ${i}`, messageId: uniqueId('outage') }),
    );
    await append(fresh);
    const intake = worker.get(IntakeService);
    const real = intake.accept.bind(intake);
    let calls = 0;
    const accept = jest.spyOn(intake, 'accept').mockImplementation(async (...args) => {
      if (++calls === 3) throw new Error('database unavailable');
      return real(...args);
    });
    await expect(worker.get(ImapPollerService).pollOnce()).rejects.toThrow('database unavailable');
    accept.mockRestore();
    expect(await unseen()).toBe(2);
    expect(await poll()).toEqual({ unseen: 2, stored: 2, duplicates: 0, oversized: 0, refused: 0 });
    expect(await unseen()).toBe(0);
  });

  it('lets only one worker poll at a time', async () => {
    await withDb(env.databaseUrl, async (db) => {
      await db.query('SELECT pg_advisory_lock($1)', [IMAP_POLL_LOCK]);
      try {
        expect(await worker.get(ImapPollerService).pollOnce()).toEqual({ skipped: 'another_worker_is_polling' });
      } finally {
        await db.query('SELECT pg_advisory_unlock($1)', [IMAP_POLL_LOCK]);
      }
    });
  });

  it('the quarantined over-size message is reachable by its receipt', async () => {
    const [row] = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT r.id FROM raw_messages r WHERE r.status = 'quarantined' AND r.source = 'imap'`)).rows,
    );
    expect(await quarantineRow(env.databaseUrl, row.id)).toMatchObject({ reason: 'too_large' });
  });
});
