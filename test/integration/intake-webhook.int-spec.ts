import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { email, INBOUND_TOKEN, messageRow, postEmail, uniqueId, waitForProcessed } from '../support/intake';
import { prepareTestEnv, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';
import { ADMIN_DATABASE_URL } from '../support/test-env';

describe('inbound webhook', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN });
    app = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
  });

  const rawCount = () =>
    withDb(env.databaseUrl, async (db) => Number((await db.query('SELECT count(*) FROM raw_messages')).rows[0].count));

  it('stores a message, answers 202 with its id, then parses it', async () => {
    const res = await postEmail(app, email({ subject: 'Cancelled surgery' })).expect(202);
    expect(res.body).toEqual({
      messageId: expect.any(String),
      status: 'pending',
      duplicate: false,
      caseId: null,
      quarantineId: null,
    });
    await waitForProcessed(env.databaseUrl, [res.body.messageId]);
    const row = await messageRow(env.databaseUrl, res.body.messageId);
    expect(row).toMatchObject({
      direction: 'in',
      classification: 'request',
      status: 'new',
      subject: 'Cancelled surgery',
      case_id: null,
    });
  });

  it('has committed the raw bytes and their hash before answering', async () => {
    const raw = email({ body: 'exact bytes' });
    const res = await postEmail(app, raw).expect(202);
    const stored = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT raw, sha256, source, size_bytes FROM raw_messages WHERE id = $1`, [res.body.messageId]))
          .rows[0],
    );
    expect(Buffer.compare(stored.raw, raw)).toBe(0);
    expect(stored).toMatchObject({ source: 'webhook', size_bytes: raw.length });
    expect(stored.sha256).toHaveLength(32);
  });

  it('is idempotent: the same Message-ID again is the same message (202, duplicate)', async () => {
    const messageId = uniqueId();
    const first = await postEmail(app, email({ messageId })).expect(202);
    await waitForProcessed(env.databaseUrl, [first.body.messageId]);
    const before = await rawCount();
    // Same id, different bytes (a relay added a header): still one message.
    const again = await postEmail(app, email({ messageId, headers: { 'X-Relayed': 'yes' } })).expect(202);
    expect(again.body).toEqual({
      messageId: first.body.messageId,
      status: 'parsed',
      duplicate: true,
      caseId: null,
      quarantineId: null,
    });
    expect(await rawCount()).toBe(before);
  });

  it('deduplicates a message without a Message-ID by its bytes', async () => {
    const raw = email({ messageId: null, body: `no id ${uniqueId()}` });
    const first = await postEmail(app, raw).expect(202);
    const second = await postEmail(app, raw).expect(202);
    expect(second.body.messageId).toBe(first.body.messageId);
    expect(second.body.duplicate).toBe(true);
    const different = await postEmail(app, Buffer.concat([raw, Buffer.from('\r\n')])).expect(202);
    expect(different.body.messageId).not.toBe(first.body.messageId);
  });

  it('handles the same message sent concurrently as one message', async () => {
    const raw = email();
    const results = await Promise.all(Array.from({ length: 8 }, () => postEmail(app, raw)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(202));
    expect(new Set(results.map((r) => r.body.messageId)).size).toBe(1);
    expect(results.filter((r) => !r.body.duplicate)).toHaveLength(1);
  });

  it('answers 401 for a missing, wrong or malformed bearer token, storing nothing', async () => {
    const before = await rawCount();
    await postEmail(app, email(), null).expect(401);
    await postEmail(app, email(), 'wrong-token-wrong-token-wrong').expect(401);
    await postEmail(app, email(), `${INBOUND_TOKEN}x`).expect(401);
    const basic = await request(app.getHttpServer())
      .post('/api/inbound/email')
      .set('Content-Type', 'message/rfc822')
      .set('Authorization', `Basic ${INBOUND_TOKEN}`)
      .send(email())
      .expect(401);
    expect(basic.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(await rawCount()).toBe(before);
  });

  it('answers 415 for another content type and 400/415 for an empty body', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/inbound/email')
      .set('Authorization', `Bearer ${INBOUND_TOKEN}`)
      .set('Content-Type', 'application/json')
      .send({ raw: 'x' })
      .expect(415);
    expect(res.body.fields).toEqual({ 'content-type': 'must be message/rfc822' });
    const empty = await postEmail(app, Buffer.alloc(0));
    expect([400, 415]).toContain(empty.status);
  });

  it('answers 413 above the 25 MB cap and stores nothing', async () => {
    const before = await rawCount();
    const big = Buffer.concat([email({ body: '' }), Buffer.alloc(25 * 1024 * 1024 + 1, 0x61)]);
    const res = await postEmail(app, big).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(await rawCount()).toBe(before);
  });

  it('quarantines a message whose header block is over the cap at once, with its reason', async () => {
    const raw = Buffer.from(`Subject: x\r\nX-Long: ${'a'.repeat(110 * 1024)}\r\n\r\nbody\r\n`);
    const res = await postEmail(app, raw).expect(202);
    expect(res.body).toMatchObject({ status: 'quarantined', quarantineId: expect.any(String) });
    const q = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT reason, detail FROM message_quarantine WHERE id = $1`, [res.body.quarantineId]))
          .rows[0],
    );
    expect(q).toEqual({ reason: 'header_too_large', detail: 'header block is larger than 102400 bytes' });
  });

  it('still answers 202 when Redis is unreachable: the row is stored and the reconciler parses it later', async () => {
    const queue = app.get((await import('@campaign-desk/server-core')).QueueService);
    const add = jest.spyOn(queue, 'add').mockRejectedValueOnce(new Error('Redis is down'));
    const res = await postEmail(app, email({ subject: 'Sent while Redis was down' })).expect(202);
    add.mockRestore();
    const { IntakeReconcilerService } = await import('@campaign-desk/server-intake');
    await worker.get(IntakeReconcilerService).reconcile();
    await waitForProcessed(env.databaseUrl, [res.body.messageId]);
    expect((await messageRow(env.databaseUrl, res.body.messageId))?.subject).toBe('Sent while Redis was down');
  });

  describe('when Postgres is down', () => {
    const dbName = () => new URL(env.databaseUrl).pathname.slice(1);
    const setConnections = (allow: boolean) =>
      withDb(ADMIN_DATABASE_URL, async (db) => {
        await db.query(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS ${allow}`);
        if (!allow)
          await db.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
            [dbName()],
          );
      });

    it('answers 503 with Retry-After, and the same message sent after recovery is stored once', async () => {
      const messageId = uniqueId('outage');
      const raw = email({ messageId, subject: 'Sent during an outage' });
      await setConnections(false);
      try {
        const res = await postEmail(app, raw);
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body).toMatchObject({ statusCode: 503 });
      } finally {
        await setConnections(true);
      }
      // The sender retries: once, then again (a retry storm must not duplicate it).
      let res = await postEmail(app, raw);
      for (let i = 0; res.status === 503 && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 250));
        res = await postEmail(app, raw);
      }
      expect(res.status).toBe(202);
      const again = await postEmail(app, raw).expect(202);
      expect(again.body.messageId).toBe(res.body.messageId);
      const count = await withDb(
        env.databaseUrl,
        async (db) =>
          (await db.query(`SELECT count(*)::int AS n FROM raw_messages WHERE rfc_message_id = $1`, [messageId])).rows[0]
            .n,
      );
      expect(count).toBe(1);
      await waitForProcessed(env.databaseUrl, [res.body.messageId]);
      expect((await messageRow(env.databaseUrl, res.body.messageId))?.subject).toBe('Sent during an outage');
    });
  });
});
