import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { email, INBOUND_TOKEN, postEmail, uniqueId } from '../support/intake';
import { createStaff, prepareTestEnv, signedInAgent, startApi, uniqueAddress, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];

const PUBLIC_URL = 'https://desk.example.org';

/**
 * Issue 12: a page on another port of the same host created an admin account through a signed-in browser
 * (a form post: SameSite=Strict does not stop a same-site page). State-changing requests now take JSON only
 * and must not come from another origin.
 */
describe('cross-site request forgery', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let admin: Agent;
  let n = 0;

  beforeAll(async () => {
    env = await prepareTestEnv({ PUBLIC_URL, INBOUND_TOKEN });
    app = await startApi();
    ({ agent: admin } = await signedInAgent(app, 'admin'));
  });
  afterAll(() => app.close());

  const newAdmin = () => ({
    email: `forged${++n}-${Date.now()}@test.local`,
    name: 'Forged',
    role: 'admin',
    password: 'correct-horse-battery',
  });
  const staffCount = (address: string) =>
    withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM staff_users WHERE email = $1`, [address]);
      return rows[0].n as number;
    });

  describe('JSON only', () => {
    it('refuses a form-encoded POST with 415 and creates nothing', async () => {
      const input = newAdmin();
      const res = await admin.post('/api/staff-users').type('form').send(input).expect(415);
      expect(res.body).toMatchObject({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'Send the request body as application/json (Content-Type: application/json)',
        fields: { 'content-type': 'must be application/json' },
      });
      expect(await staffCount(input.email)).toBe(0);
    });

    it('refuses text/plain and multipart bodies, and a body without a Content-Type', async () => {
      const input = newAdmin();
      await admin.post('/api/staff-users').set('Content-Type', 'text/plain').send(JSON.stringify(input)).expect(415);
      await admin.post('/api/staff-users').field('email', input.email).field('role', 'admin').expect(415);
      await admin.put('/api/chase-plan').unset('Content-Type').send(Buffer.from('{"checkinDays":3}')).expect(415);
      expect(await staffCount(input.email)).toBe(0);
    });

    it('refuses a form-encoded sign-in', async () => {
      const user = await createStaff(app, 'viewer');
      const res = await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', uniqueAddress())
        .type('form')
        .send({ email: user.email, password: user.password })
        .expect(415);
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('still takes JSON, JSON with a charset, and requests without a body', async () => {
      await admin.post('/api/staff-users').send(newAdmin()).expect(201);
      await admin
        .post('/api/staff-users')
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify(newAdmin()))
        .expect(201);
      // ra-data-simple-rest labels its body-less DELETEs text/plain.
      await admin
        .delete('/api/staff-users/00000000-0000-4000-8000-000000000000')
        .set('Content-Type', 'text/plain')
        .expect(404);
      const { agent } = await signedInAgent(app, 'caseworker');
      await agent.post('/api/auth/logout').expect(204);
    });

    it('keeps the check-in page form, the inbound webhook and .eml uploads', async () => {
      const page = await request(app.getHttpServer())
        .post('/api/public/checkin/not-a-real-token')
        .type('form')
        .send({ answer: 'yes' });
      expect([403, 415]).not.toContain(page.status);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      // The page answers with Referrer-Policy: no-referrer, so a browser posts its form with Origin: null.
      const fromPage = await request(app.getHttpServer())
        .post('/api/public/checkin/not-a-real-token')
        .set('Origin', 'null')
        .set('Sec-Fetch-Site', 'same-origin')
        .type('form')
        .send({ answer: 'yes' });
      expect(fromPage.headers['content-type']).toMatch(/^text\/html/);
      await postEmail(app, email({ messageId: uniqueId('csrf') })).expect(202);
      await admin
        .post('/api/messages/upload')
        .attach('files', email({ messageId: uniqueId('csrf-up') }), 'a.eml')
        .expect(202);
      // The webhook still answers 415 itself for anything but message/rfc822.
      await request(app.getHttpServer())
        .post('/api/inbound/email')
        .set('Authorization', `Bearer ${INBOUND_TOKEN}`)
        .send({ raw: 'x' })
        .expect(415);
    });
  });

  describe('Origin and Sec-Fetch-Site', () => {
    it('refuses a JSON request from another port of the same host with 403, creating nothing', async () => {
      const input = newAdmin();
      const res = await admin
        .post('/api/staff-users')
        .set('Host', 'localhost:3000')
        .set('Origin', 'http://localhost:8080')
        .send(input)
        .expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(res.body.message).toMatch(/^Cross-site request refused/);
      expect(await staffCount(input.email)).toBe(0);
    });

    it('refuses a null Origin, and Sec-Fetch-Site same-site or cross-site without an Origin', async () => {
      await admin.post('/api/staff-users').set('Origin', 'null').send(newAdmin()).expect(403);
      await admin.post('/api/staff-users').set('Sec-Fetch-Site', 'same-site').send(newAdmin()).expect(403);
      await admin
        .delete('/api/staff-users/00000000-0000-4000-8000-000000000000')
        .set('Sec-Fetch-Site', 'cross-site')
        .expect(403);
      await admin.post('/api/auth/logout').set('Origin', 'http://evil.test').expect(403);
      await admin.get('/api/auth/me').expect(200); // still signed in
    });

    it('refuses a cross-site sign-in (login CSRF) and a cross-site check-in answer', async () => {
      const user = await createStaff(app, 'viewer');
      const res = await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', uniqueAddress())
        .set('Origin', 'http://localhost:8080')
        .send({ email: user.email, password: user.password })
        .expect(403);
      expect(res.headers['set-cookie']).toBeUndefined();
      await request(app.getHttpServer())
        .post('/api/public/checkin/not-a-real-token')
        .set('Origin', 'http://evil.test')
        .type('form')
        .send({ answer: 'yes' })
        .expect(403);
    });

    it("allows PUBLIC_URL's origin, the request's own Host, same-origin fetches and reads from anywhere", async () => {
      await admin.post('/api/staff-users').set('Origin', PUBLIC_URL).send(newAdmin()).expect(201);
      await admin
        .post('/api/staff-users')
        .set('Host', 'desk.internal:8443')
        .set('Origin', 'https://desk.internal:8443')
        .set('Sec-Fetch-Site', 'same-origin')
        .send(newAdmin())
        .expect(201);
      await admin.post('/api/staff-users').set('Sec-Fetch-Site', 'same-origin').send(newAdmin()).expect(201);
      await admin.get('/api/auth/me').set('Origin', 'http://evil.test').set('Sec-Fetch-Site', 'cross-site').expect(200);
    });
  });
});
