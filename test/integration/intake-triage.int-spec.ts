import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { Agent } from 'supertest';
import { SupportersService } from '@campaign-desk/server-supporters';
import { importDirectory } from '../support/directory';
import { email, INBOUND_TOKEN, insertCase, postEmail, waitForProcessed } from '../support/intake';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('messages resource, triage inbox and suggestions', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let admin: Agent;
  let caseworker: Agent;
  let viewer: Agent;
  let caseworkerId: string;
  const ids: Record<string, string> = {};

  const deliver = async (name: string, raw: Buffer) => {
    const res = await postEmail(app, raw).expect(202);
    await waitForProcessed(env.databaseUrl, [res.body.messageId]);
    ids[name] = res.body.messageId;
    return res.body.messageId as string;
  };
  const audits = (action: string, entityId: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(`SELECT actor_id, details FROM audit_events WHERE action = $1 AND entity_id = $2`, [
            action,
            entityId,
          ])
        ).rows,
    );

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN });
    app = await startApi();
    worker = await startWorker();
    await importDirectory(app);
    ({ agent: admin } = await signedInAgent(app, 'admin'));
    let user;
    ({ agent: caseworker, user } = await signedInAgent(app, 'caseworker'));
    caseworkerId = user.id;
    ({ agent: viewer } = await signedInAgent(app, 'viewer'));
    await app
      .get(SupportersService)
      .create(
        { name: 'Priya Shah', email: 'priya.shah@example.org', postcode: 'WC1E 6BT', createAnyway: true } as Parameters<
          SupportersService['create']
        >[0],
        { id: null },
      );
    await deliver(
      'urgent',
      email({
        from: 'Priya Shah <Priya.Shah@example.org>',
        subject: 'My dad is terminal and his surgery was cancelled',
        body: 'Dear team,\r\nMy dad (WC1E 6BT) has terminal cancer. His cancelled surgery at University College London Hospitals NHS Foundation Trust has not been rebooked. We have been waiting weeks.\r\nPriya',
      }),
    );
    await deliver(
      'plain',
      email({
        from: 'Jane Doe <jane.doe@example.net>',
        subject: 'Question about volunteering',
        body: 'Hello, how can I help?',
      }),
    );
    await deliver('auto', email({ subject: 'Out of office', headers: { 'Auto-Submitted': 'auto-replied' } }));
    await deliver('spam1', email({ subject: 'WIN A PRIZE', from: 'prize@spam.example' }));
    await deliver('spam2', email({ subject: 'CHEAP PILLS', from: 'pills@spam.example' }));
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  describe('list', () => {
    it('answers react-admin simple REST with Content-Range, newest first', async () => {
      const res = await caseworker.get('/api/messages').query({ range: '[0,1]' }).expect(200);
      expect(res.body).toHaveLength(2);
      expect(res.headers['content-range']).toBe('messages 0-1/5');
      expect(res.body[0].id).toBe(ids.spam2);
      expect(res.body[0]).toEqual({
        id: ids.spam2,
        direction: 'in',
        classification: 'request',
        status: 'new',
        fromAddress: 'pills@spam.example',
        fromName: null,
        fromRole: 'unknown',
        subject: 'CHEAP PILLS',
        snippet: 'Hello, please help.',
        receivedAt: expect.any(String),
        sentAt: '2026-11-23T09:00:00.000Z',
        caseId: null,
        supporterId: null,
        threadMatch: null,
        attachmentCount: 0,
        suggestedPriority: 'normal',
      });
    });

    it('filters by classification, status, direction, ids and text search', async () => {
      const byClass = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ classification: 'auto_reply' }) })
        .expect(200);
      expect(byClass.body.map((m: { id: string }) => m.id)).toEqual([ids.auto]);
      const many = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ id: [ids.plain, ids.auto] }) })
        .expect(200);
      expect(many.body).toHaveLength(2);
      const search = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ q: 'volunteer' }) })
        .expect(200);
      expect(search.body.map((m: { id: string }) => m.id)).toEqual([ids.plain]);
      const out = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ direction: 'out' }) })
        .expect(200);
      expect(out.body).toEqual([]);
      const asc = await caseworker.get('/api/messages').query({ sort: '["receivedAt","ASC"]' }).expect(200);
      expect(asc.body[0].id).toBe(ids.urgent);
    });

    it('suggests urgency from the keyword rules', async () => {
      const res = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ id: [ids.urgent, ids.plain] }) })
        .expect(200);
      const byId = Object.fromEntries(
        res.body.map((m: { id: string; suggestedPriority: string }) => [m.id, m.suggestedPriority]),
      );
      expect(byId).toEqual({ [ids.urgent]: 'urgent', [ids.plain]: 'normal' });
    });

    it('refuses unknown filters, sorts and malformed ids with 400', async () => {
      await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ body: 'x' }) })
        .expect(400);
      await caseworker.get('/api/messages').query({ sort: '["subject","ASC"]' }).expect(400);
      const res = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ caseId: 'not-a-uuid' }) })
        .expect(400);
      expect(res.body.fields).toEqual({ filter: 'caseId must be uuids' });
    });
  });

  describe('triage inbox', () => {
    it('lists unthreaded requests nobody has triaged, newest first, with the total', async () => {
      const res = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ triage: true }) })
        .expect(200);
      expect(res.body.map((m: { id: string }) => m.id)).toEqual([ids.spam2, ids.spam1, ids.plain, ids.urgent]);
      expect(res.headers['content-range']).toBe('messages 0-3/4');
      const counts = await viewer.get('/api/messages/counts').expect(200);
      expect(counts.body).toMatchObject({ triage: 4, byClassification: { request: 4, auto_reply: 1 } });
    });

    it('bulk-marks spam: it leaves the inbox and is audited', async () => {
      const res = await caseworker
        .post('/api/messages/bulk')
        .send({ ids: [ids.spam1, ids.spam2, randomUUID()], action: 'spam' })
        .expect(200);
      expect(res.body.updated.sort()).toEqual([ids.spam1, ids.spam2].sort());
      const inbox = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ triage: true }) })
        .expect(200);
      expect(inbox.headers['content-range']).toBe('messages 0-1/2');
      const spam = await caseworker
        .get('/api/messages')
        .query({ filter: JSON.stringify({ classification: 'spam', status: 'ignored' }) })
        .expect(200);
      expect(spam.body).toHaveLength(2);
      const [event] = await withDb(
        env.databaseUrl,
        async (db) => (await db.query(`SELECT details FROM audit_events WHERE action = 'message.bulk_spam'`)).rows,
      );
      expect(event.details).toEqual({ ids: expect.arrayContaining([ids.spam1, ids.spam2]), requested: 3 });
    });

    it('validates bulk requests', async () => {
      await caseworker.post('/api/messages/bulk').send({ ids: [], action: 'spam' }).expect(400);
      await caseworker
        .post('/api/messages/bulk')
        .send({ ids: ['x'], action: 'spam' })
        .expect(400);
      await caseworker
        .post('/api/messages/bulk')
        .send({ ids: [randomUUID()], action: 'delete' })
        .expect(400);
      await caseworker
        .post('/api/messages/bulk')
        .send({ ids: Array.from({ length: 501 }, () => randomUUID()), action: 'spam' })
        .expect(400);
      await viewer
        .post('/api/messages/bulk')
        .send({ ids: [ids.plain], action: 'spam' })
        .expect(403);
    });

    it('marks not-a-request, links a case and marks triaged with a supporter', async () => {
      const notRequest = await deliver('notRequest', email({ subject: 'Newsletter signup' }));
      const res = await caseworker
        .post(`/api/messages/${notRequest}/triage`)
        .send({ action: 'not_a_request' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'not_a_request',
        triagedById: caseworkerId,
        triagedAt: expect.any(String),
      });

      const caseId = (await insertCase(env.databaseUrl)).id;
      const link = await deliver('link', email({ subject: 'More about my case' }));
      expect(
        (await caseworker.post(`/api/messages/${link}/triage`).send({ action: 'link_case', caseId }).expect(200)).body,
      ).toMatchObject({ status: 'linked', caseId });
      expect(
        (
          await caseworker
            .get('/api/messages')
            .query({ filter: JSON.stringify({ caseId }) })
            .expect(200)
        ).body.map((m: { id: string }) => m.id),
      ).toEqual([link]);

      const supporterId = (
        await app.get(SupportersService).create(
          {
            name: 'Tom Triage',
            email: 'tom.triage@example.org',
            postcode: 'WC1E 6BT',
            createAnyway: true,
          } as Parameters<SupportersService['create']>[0],
          { id: null },
        )
      ).id;
      const triaged = await deliver('triaged', email({ subject: 'New story' }));
      expect(
        (await caseworker.post(`/api/messages/${triaged}/triage`).send({ action: 'triaged', supporterId }).expect(200))
          .body,
      ).toMatchObject({ status: 'triaged', supporterId });
      expect(
        (
          await caseworker
            .get('/api/messages')
            .query({ filter: JSON.stringify({ supporterId }) })
            .expect(200)
        ).body,
      ).toHaveLength(1);

      expect(await audits('message.triaged', link)).toEqual([
        { actor_id: caseworkerId, details: { action: 'link_case', caseId, supporterId: null } },
      ]);
    });

    it('validates triage actions', async () => {
      const res = await caseworker.post(`/api/messages/${ids.plain}/triage`).send({ action: 'link_case' }).expect(400);
      expect(res.body.fields).toEqual({ caseId: 'is required for link_case' });
      await caseworker.post(`/api/messages/${ids.plain}/triage`).send({ action: 'delete' }).expect(400);
      await caseworker
        .post(`/api/messages/${ids.plain}/triage`)
        .send({ action: 'link_case', caseId: 'nope' })
        .expect(400);
      const unknown = await caseworker
        .post(`/api/messages/${ids.plain}/triage`)
        .send({ action: 'link_case', caseId: randomUUID() })
        .expect(400);
      expect(unknown.body.fields).toEqual({ caseId: 'is not a case' });
      await caseworker
        .post(`/api/messages/${ids.plain}/triage`)
        .send({ action: 'not_a_request', extra: 1 })
        .expect(400);
      await caseworker.post(`/api/messages/${randomUUID()}/triage`).send({ action: 'not_a_request' }).expect(404);
      await caseworker.post(`/api/messages/not-a-uuid/triage`).send({ action: 'not_a_request' }).expect(404);
      await viewer.post(`/api/messages/${ids.plain}/triage`).send({ action: 'not_a_request' }).expect(403);
    });
  });

  describe('suggestions', () => {
    it('matches the supporter by email, resolves the postcode, suggests topics, urgency and the trust', async () => {
      const res = await caseworker.get(`/api/messages/${ids.urgent}/suggestions`).expect(200);
      expect(res.body.supporter).toMatchObject({
        match: 'existing',
        supporterId: expect.any(String),
        name: 'Priya Shah',
        email: 'priya.shah@example.org',
      });
      expect(res.body.postcodes).toEqual([
        expect.objectContaining({
          postcode: 'WC1E 6BT',
          found: true,
          method: 'exact',
          constituency: expect.objectContaining({ id: expect.stringMatching(/^E14/) }),
        }),
      ]);
      expect(res.body.postcodes[0].mp).toEqual(expect.objectContaining({ name: expect.any(String) }));
      expect(res.body.topics).toContain('treatment_waiting_time');
      expect(res.body.priority).toBe('urgent');
      expect(res.body.matchedRules.map((r: { keyword: string }) => r.keyword)).toEqual(
        expect.arrayContaining(['terminal', 'cancelled surgery', 'waiting weeks']),
      );
      expect(res.body.trusts).toEqual(['University College London Hospitals NHS Foundation Trust']);
      expect(await audits('message.suggestions_viewed', ids.urgent)).toHaveLength(1);
    });

    it('proposes a new supporter from the From name when the email is unknown', async () => {
      const res = await caseworker.get(`/api/messages/${ids.plain}/suggestions`).expect(200);
      expect(res.body).toEqual({
        supporter: { match: 'new', name: 'Jane Doe', email: 'jane.doe@example.net' },
        postcodes: [],
        topics: [],
        priority: 'normal',
        matchedRules: [],
        trusts: [],
        claimedCase: null,
      });
    });

    it('follows the admin-edited rules', async () => {
      await caseworker.post('/api/triage-rules').send({ keyword: 'volunteering', topic: 'other' }).expect(403);
      const created = await admin
        .post('/api/triage-rules')
        .send({ keyword: 'volunteering', topic: 'other', priority: 'low' })
        .expect(201);
      const res = await caseworker.get(`/api/messages/${ids.plain}/suggestions`).expect(200);
      expect(res.body).toMatchObject({ topics: ['other'], priority: 'normal' });
      await admin.delete(`/api/triage-rules/${created.body.id}`).expect(200);
      expect((await caseworker.get(`/api/messages/${ids.plain}/suggestions`).expect(200)).body.topics).toEqual([]);
    });
  });

  describe('reading bodies', () => {
    it('gives caseworkers the whole message and audits the read', async () => {
      const res = await caseworker.get(`/api/messages/${ids.urgent}`).expect(200);
      expect(res.body).toMatchObject({
        subject: 'My dad is terminal and his surgery was cancelled',
        text: expect.stringContaining('terminal cancer'),
        hasHtml: false,
        to: [{ name: 'Campaigns', address: 'campaigns@campaign-desk.local' }],
      });
      expect(await audits('message.read', ids.urgent)).toEqual([
        { actor_id: caseworkerId, details: { redacted: false } },
      ]);
      const html = await caseworker.get(`/api/messages/${ids.urgent}/html`).expect(200);
      expect(html.text).toContain('<pre>Dear team,');
      expect(await audits('message.html_viewed', ids.urgent)).toHaveLength(1);
    });

    it('never shows viewers a body, subject, snippet or attachment, and refuses them the body endpoints', async () => {
      const list = await viewer
        .get('/api/messages')
        .query({ filter: JSON.stringify({ id: [ids.urgent] }) })
        .expect(200);
      expect(list.body[0]).toMatchObject({
        id: ids.urgent,
        subject: null,
        snippet: null,
        suggestedPriority: null,
        fromAddress: null,
        fromName: null,
      });
      const detail = await viewer.get(`/api/messages/${ids.urgent}`).expect(200);
      expect(detail.body).toMatchObject({
        subject: null,
        text: null,
        quotedText: null,
        snippet: null,
        attachments: [],
        hasHtml: false,
      });
      await viewer.get(`/api/messages/${ids.urgent}/html`).expect(403);
      await viewer.get(`/api/messages/${ids.urgent}/attachments/0`).expect(403);
      await viewer.get(`/api/messages/${ids.urgent}/suggestions`).expect(403);
      const search = { filter: JSON.stringify({ q: 'terminal' }) };
      await viewer.get('/api/messages').query(search).expect(400);
      await viewer.get('/api/quarantined-messages').expect(403);
    });

    it('answers 404 for unknown or malformed ids', async () => {
      await caseworker.get(`/api/messages/${randomUUID()}`).expect(404);
      await caseworker.get('/api/messages/../../etc').expect(404);
      await caseworker.get(`/api/messages/${randomUUID()}/html`).expect(404);
    });
  });
});
