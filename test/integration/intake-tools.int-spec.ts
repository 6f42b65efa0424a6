import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { Agent } from 'supertest';
import { binary, email, INBOUND_TOKEN, postEmail, uniqueId, waitForProcessed } from '../support/intake';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('intake tools: staff uploads, the quarantine and triage rules', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let admin: Agent;
  let caseworker: Agent;
  let viewer: Agent;
  let caseworkerId: string;

  const audits = (action: string, entityId: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT actor_id FROM audit_events WHERE action = $1 AND entity_id = $2`, [action, entityId]))
          .rows,
    );

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN });
    app = await startApi();
    worker = await startWorker();
    ({ agent: admin } = await signedInAgent(app, 'admin'));
    let user;
    ({ agent: caseworker, user } = await signedInAgent(app, 'caseworker'));
    caseworkerId = user.id;
    ({ agent: viewer } = await signedInAgent(app, 'viewer'));
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });
  describe('triage rules', () => {
    it('lists the default rules to caseworkers and lets only admins change them', async () => {
      const list = await caseworker
        .get('/api/triage-rules')
        .query({ filter: JSON.stringify({ q: 'terminal' }) })
        .expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({ keyword: 'terminal', priority: 'urgent', topic: null, active: true }),
      ]);
      expect(list.headers['content-range']).toBe('triage-rules 0-0/1');
      await viewer.get('/api/triage-rules').expect(403);
      const created = await admin
        .post('/api/triage-rules')
        .send({ keyword: 'chemo delayed', topic: 'treatment_waiting_time', priority: 'high' })
        .expect(201);
      await admin.post('/api/triage-rules').send({ keyword: 'Chemo Delayed', priority: 'high' }).expect(409);
      await admin.post('/api/triage-rules').send({ keyword: 'no effect' }).expect(400);
      await admin.post('/api/triage-rules').send({ keyword: 'x', priority: 'high' }).expect(400);
      await admin.post('/api/triage-rules').send({ keyword: 'bad topic', topic: 'cooking' }).expect(400);
      // react-admin sends the whole record back on PUT.
      const updated = await admin
        .put(`/api/triage-rules/${created.body.id}`)
        .send({ ...created.body, active: false })
        .expect(200);
      expect(updated.body).toMatchObject({ keyword: 'chemo delayed', active: false });
      await admin.put(`/api/triage-rules/${created.body.id}`).send({ topic: null, priority: null }).expect(400);
      // PUT validates each field as POST does, and refuses fields the resource does not have.
      const badPriority = await admin
        .put(`/api/triage-rules/${created.body.id}`)
        .send({ priority: 'whenever' })
        .expect(400);
      expect(JSON.stringify(badPriority.body)).toMatch(/priority/);
      const badKeyword = await admin.put(`/api/triage-rules/${created.body.id}`).send({ keyword: 'x' }).expect(400);
      expect(JSON.stringify(badKeyword.body)).toMatch(/keyword/);
      await admin.put(`/api/triage-rules/${created.body.id}`).send({ colour: 'red' }).expect(400);
      await caseworker.put(`/api/triage-rules/${created.body.id}`).send({ active: true }).expect(403);
      await admin.delete(`/api/triage-rules/${created.body.id}`).expect(200);
      await admin.get(`/api/triage-rules/${created.body.id}`).expect(404);
      const trail = await withDb(env.databaseUrl, async (db) =>
        (
          await db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [created.body.id])
        ).rows.map((r) => r.action),
      );
      expect(trail).toEqual(['triage_rule.created', 'triage_rule.updated', 'triage_rule.deleted']);
    });
  });

  describe('upload', () => {
    it('takes .eml files as multipart and raw message/rfc822, through the same store-first path', async () => {
      const a = email({ subject: 'Uploaded A', messageId: uniqueId('up') });
      const b = email({ subject: 'Uploaded B', messageId: uniqueId('up') });
      const res = await caseworker
        .post('/api/messages/upload')
        .attach('files', a, 'a.eml')
        .attach('files', b, 'b.eml')
        .expect(202);
      expect(res.body).toEqual([
        { messageId: expect.any(String), status: 'pending', duplicate: false, caseId: null, quarantineId: null },
        { messageId: expect.any(String), status: 'pending', duplicate: false, caseId: null, quarantineId: null },
      ]);
      const again = await caseworker
        .post('/api/messages/upload')
        .set('Content-Type', 'message/rfc822')
        .send(a)
        .expect(202);
      expect(again.body).toEqual([expect.objectContaining({ messageId: res.body[0].messageId, duplicate: true })]);
      await waitForProcessed(
        env.databaseUrl,
        res.body.map((r: { messageId: string }) => r.messageId),
      );
      const rows = await withDb(
        env.databaseUrl,
        async (db) =>
          (
            await db.query(`SELECT source, uploaded_by FROM raw_messages WHERE id = ANY($1::uuid[])`, [
              res.body.map((r: { messageId: string }) => r.messageId),
            ])
          ).rows,
      );
      expect(rows).toEqual([
        { source: 'upload', uploaded_by: caseworkerId },
        { source: 'upload', uploaded_by: caseworkerId },
      ]);
    });

    it('refuses an empty upload and viewers', async () => {
      await caseworker.post('/api/messages/upload').expect(400);
      await viewer.post('/api/messages/upload').attach('files', email(), 'x.eml').expect(403);
    });
  });

  describe('quarantine', () => {
    it('lists quarantined messages with their reason and serves the raw message as an audited download', async () => {
      const raw = Buffer.from(`Subject: huge header\r\nX-Filler: ${'z'.repeat(120 * 1024)}\r\n\r\nbody\r\n`);
      const receipt = (await postEmail(app, raw).expect(202)).body;
      const list = await caseworker
        .get('/api/quarantined-messages')
        .query({ filter: JSON.stringify({ reason: 'header_too_large' }) })
        .expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          id: receipt.quarantineId,
          messageId: receipt.messageId,
          reason: 'header_too_large',
          source: 'webhook',
        }),
      ]);
      expect(list.headers['content-range']).toBe('quarantined-messages 0-0/1');
      const download = await caseworker
        .get(`/api/quarantined-messages/${receipt.quarantineId}/raw`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(download.headers['content-type']).toBe('message/rfc822');
      expect(download.headers['content-disposition']).toBe(`attachment; filename=${receipt.quarantineId}.eml`);
      expect(Buffer.compare(Buffer.from(download.body), raw)).toBe(0);
      expect(await audits('message.raw_downloaded', receipt.messageId)).toHaveLength(1);
      await caseworker.get(`/api/quarantined-messages/${randomUUID()}`).expect(404);
    });
  });
});
