import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createStaff, prepareTestEnv, signedInAgent, startApi, uniqueAddress, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('staff sign-in', () => {
  let env: TestEnv;
  let app: NestExpressApplication;

  beforeAll(async () => {
    env = await prepareTestEnv({ SESSION_IDLE_MINUTES: '30' });
    app = await startApi();
  });
  afterAll(() => app.close());

  it('signs in with the right password, sets an httpOnly SameSite cookie and answers /me', async () => {
    const user = await createStaff(app, 'caseworker');
    const agent = request.agent(app.getHttpServer());
    const res = await agent
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: user.password })
      .expect(200);
    expect(res.body).toEqual({ id: user.id, email: user.email, name: user.name, role: 'caseworker' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/cd_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    await agent
      .get('/api/auth/me')
      .expect(200, { id: user.id, email: user.email, name: user.name, role: 'caseworker' });
  });

  it('answers 401 with one generic message for a wrong password and for an unknown email', async () => {
    const user = await createStaff(app, 'viewer');
    const wrong = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: 'nope-nope-nope' })
      .expect(401);
    const unknown = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: 'nobody@test.local', password: 'nope-nope-nope' })
      .expect(401);
    expect(wrong.body.message).toBe('Email or password is incorrect');
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('records audit events for sign-in success and failure', async () => {
    const user = await createStaff(app, 'caseworker');
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: 'wrong-password!' })
      .expect(401);
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: user.password })
      .expect(200);
    const actions = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT action, details FROM audit_events WHERE entity_id = $1 AND action LIKE 'auth.%' ORDER BY id`,
            [user.id],
          )
        ).rows,
    );
    expect(actions).toEqual([
      { action: 'auth.login_failed', details: { reason: 'wrong_password' } },
      { action: 'auth.login', details: {} },
    ]);
  });

  it('rejects unknown and malformed fields with 400 naming them', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: 'not-an-email', password: 'x', remember: true })
      .expect(400);
    expect(res.body.fields).toEqual({
      email: expect.stringContaining('email'),
      remember: expect.stringContaining('not an allowed field'),
    });
    expect(res.body.message).toMatch(/email/);
    expect(res.body.message).toMatch(/remember/);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(2_000_000) }))
      .expect(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('rate limits per account: the 11th attempt in a minute gets 429', async () => {
    const user = await createStaff(app, 'viewer');
    // Successful attempts count too (failures would meet the back-off first: sign-in-limits.int-spec.ts).
    for (let i = 0; i < 10; i++) {
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i + 1}`)
        .send({ email: user.email, password: user.password })
        .expect(200);
    }
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(res.body.message).toMatch(/Too many sign-in attempts/);
  });

  it('rate limits per address across different emails', async () => {
    for (let i = 0; i < 10; i++) {
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', '192.0.2.77')
        .send({ email: `x${i}@test.local`, password: 'wrong-password!' })
        .expect(401);
    }
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', '192.0.2.77')
      .send({ email: 'another@test.local', password: 'wrong-password!' })
      .expect(429);
  });

  it('signs out: the cookie stops working', async () => {
    const { agent } = await signedInAgent(app, 'admin');
    await agent.get('/api/auth/me').expect(200);
    await agent.post('/api/auth/logout').expect(204);
    await agent.get('/api/auth/me').expect(401);
    await agent.get('/api/staff-users').expect(401);
  });

  it('expires a session left idle longer than the idle timeout', async () => {
    const { agent, user } = await signedInAgent(app, 'caseworker');
    await withDb(env.databaseUrl, (db) =>
      db.query(`UPDATE staff_sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]),
    );
    await agent.get('/api/auth/me').expect(401);
  });

  it('ends the sessions of a deactivated user at once', async () => {
    const { agent: admin } = await signedInAgent(app, 'admin');
    const { agent, user } = await signedInAgent(app, 'caseworker');
    await agent.get('/api/auth/me').expect(200);
    await admin.delete(`/api/staff-users/${user.id}`).expect(200);
    await agent.get('/api/auth/me').expect(401);
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: user.password })
      .expect(401);
  });
});
