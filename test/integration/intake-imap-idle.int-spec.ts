import type { INestApplicationContext } from '@nestjs/common';
import type { ImapFlow } from 'imapflow';
import { connectMailbox, startDovecot, type Dovecot } from '../support/dovecot';
import { email, uniqueId } from '../support/intake';
import { eventually } from '../support/smtp-sink';
import { prepareTestEnv, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** With IDLE, new mail is fetched within seconds, long before the (here hour-long) scheduled poll. */
describe('IMAP IDLE against a real Dovecot', () => {
  let dovecot: Dovecot;
  let env: TestEnv;
  let worker: INestApplicationContext | null = null;
  let mailbox: ImapFlow;

  beforeAll(async () => {
    dovecot = await startDovecot();
    env = await prepareTestEnv({ IMAP_URL: dovecot.url, IMAP_POLL_SECONDS: '3600' });
    mailbox = await connectMailbox(dovecot);
  }, 60_000);

  afterAll(async () => {
    await mailbox?.logout().catch(() => undefined);
    await worker?.close();
    await dovecot?.stop();
  });

  const stored = (messageId: string) =>
    withDb(
      env.databaseUrl,
      async (db) => (await db.query(`SELECT id FROM raw_messages WHERE rfc_message_id = $1`, [messageId])).rows.length,
    );

  it('picks up mail that arrived while no worker was running as soon as one starts', async () => {
    const id = uniqueId('before-start');
    await mailbox.append('INBOX', email({ subject: 'Waiting in the mailbox', messageId: id }));
    worker = await startWorker();
    await eventually(async () => ((await stored(id)) === 1 ? true : undefined), 15_000);
  });

  it('fetches a new message within seconds of its arrival, once', async () => {
    const id = uniqueId('idle');
    const appendedAt = Date.now();
    await mailbox.append('INBOX', email({ subject: 'Arrived during IDLE', messageId: id }));
    await eventually(async () => ((await stored(id)) === 1 ? true : undefined), 15_000);
    expect(Date.now() - appendedAt).toBeLessThan(5_000);
    const lock = await mailbox.getMailboxLock('INBOX');
    try {
      await mailbox.noop();
      expect((await mailbox.search({ seen: false }, { uid: true })) || []).toEqual([]);
    } finally {
      lock.release();
    }
  });

  it('a burst of messages is stored once each', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => uniqueId(`burst-${i}`));
    for (const id of ids) await mailbox.append('INBOX', email({ subject: 'Burst', messageId: id }));
    await eventually(async () => {
      const counts = await Promise.all(ids.map(stored));
      return counts.every((n) => n === 1) ? counts : undefined;
    }, 5_000);
  });
});
