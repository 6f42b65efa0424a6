import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { LoginRateLimiter } from '../../libs/server/auth/src/login/login-rate-limiter';
import { createStaff, prepareTestEnv, startApi, uniqueAddress, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** `viewer3-ab12@test.local` → `vİewer3-ab12@test.local`: Postgres' case-insensitive match finds the same account. */
const dottedCapitalI = (address: string) => address.replace('i', 'İ');

/**
 * Issue 12: the per-email limit was keyed on JavaScript's lower-casing while the lookup is Postgres' case-insensitive
 * match, so `vİewer@…` escaped it; there was no back-off; and behind a proxy every user shared one address.
 */
describe('sign-in limits', () => {
  let env: TestEnv;
  let app: NestExpressApplication;

  beforeAll(async () => {
    // TRUST_PROXY=loopback (the test default): supertest's X-Forwarded-For is each request's client address.
    env = await prepareTestEnv({ LOGIN_BACKOFF_BASE_SECONDS: '30' });
    app = await startApi();
  });
  afterAll(() => app.close());

  const login = (target: NestExpressApplication, address: string, password: string, from = uniqueAddress()) =>
    request(target.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', from)
      .send({ email: address, password });

  it('counts every spelling the lookup accepts against one account', async () => {
    const user = await createStaff(app, 'viewer');
    const variant = dottedCapitalI(user.email);
    await login(app, variant, user.password).expect(200); // the lookup does match it
    for (let i = 1; i < 10; i++) await login(app, i % 2 ? user.email : variant, user.password).expect(200);
    const res = await login(app, variant, user.password).expect(429);
    expect(res.body.message).toMatch(/^Too many sign-in attempts; try again in \d+ seconds$/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('backs off after three failures in a row, across spellings, with a doubling lock', async () => {
    const user = await createStaff(app, 'caseworker');
    await login(app, user.email, 'wrong-password-1').expect(401);
    await login(app, user.email.toUpperCase(), 'wrong-password-2').expect(401);
    await login(app, dottedCapitalI(user.email), 'wrong-password-3').expect(401);
    // Locked now, even with the right password and from a new address.
    const locked = await login(app, dottedCapitalI(user.email), user.password).expect(429);
    const first = Number(locked.headers['retry-after']);
    expect(first).toBeGreaterThan(25);
    expect(first).toBeLessThanOrEqual(30);
    expect(locked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', retryAfterSeconds: first });
    // The lock does not verify passwords, so it cannot be used to keep guessing.
    const failures = () =>
      withDb(env.databaseUrl, async (db) => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'auth.login_failed'`,
          [user.id],
        );
        return rows[0].n as number;
      });
    expect(await failures()).toBe(3);
  });

  it('doubles the lock with each further failure, up to the cap, and a success clears it', async () => {
    const user = await createStaff(app, 'viewer');
    const key = `account:${user.id}`;
    const limiter = app.get(LoginRateLimiter);
    for (let i = 0; i < 3; i++) await limiter.recordFailure(key);
    const after3 = Number((await login(app, user.email, user.password).expect(429)).headers['retry-after']);
    await limiter.recordFailure(key);
    const after4 = Number((await login(app, user.email, user.password).expect(429)).headers['retry-after']);
    expect(after3).toBeLessThanOrEqual(30);
    expect(after4).toBeGreaterThan(55);
    expect(after4).toBeLessThanOrEqual(60);
    for (let i = 0; i < 20; i++) await limiter.recordFailure(key);
    const capped = Number((await login(app, user.email, user.password).expect(429)).headers['retry-after']);
    expect(capped).toBeLessThanOrEqual(900);
    expect(capped).toBeGreaterThan(890);
    await limiter.recordSuccess(key);
    await login(app, user.email, user.password).expect(200);
  });

  it('backs off an email no account has too, by its normalised form (no account enumeration)', async () => {
    const nobody = `nobody-${Date.now()}@test.local`;
    for (let i = 0; i < 3; i++) await login(app, i % 2 ? nobody.toUpperCase() : nobody, 'whatever-it-is').expect(401);
    await login(app, nobody, 'whatever-it-is').expect(429);
  });

  it('believes the proxy when TRUST_PROXY says so: each client has its own address limit', async () => {
    for (let i = 0; i < 12; i++)
      await login(app, `x${i}-${Date.now()}@test.local`, 'wrong-password!', `192.0.2.${i + 10}`).expect(401);
    // An invalid forwarded address is ignored (the socket's address), not a 400 or a 500.
    await login(app, `y-${Date.now()}@test.local`, 'wrong-password!', 'garbage').expect(401);
  });

  describe('with TRUST_PROXY unset (the default)', () => {
    let direct: NestExpressApplication;

    beforeAll(async () => {
      process.env.TRUST_PROXY = '';
      direct = await startApi();
    });
    afterAll(async () => {
      process.env.TRUST_PROXY = 'loopback';
      await direct.close();
    });

    it("ignores X-Forwarded-For: the socket's address is the one limited and recorded", async () => {
      const user = await createStaff(direct, 'viewer');
      await login(direct, user.email, user.password, '203.0.113.200').expect(200);
      const ip = await withDb(env.databaseUrl, async (db) => {
        const { rows } = await db.query(
          `SELECT host(ip) AS ip FROM audit_events WHERE entity_id = $1 AND action = 'auth.login'`,
          [user.id],
        );
        return rows[0].ip as string;
      });
      expect(ip).not.toBe('203.0.113.200');
      expect(['127.0.0.1', '::1', '::ffff:127.0.0.1']).toContain(ip);
      // Invalid headers change nothing either.
      await login(direct, `z-${Date.now()}@test.local`, 'wrong-password!', 'not an address, 1.2.3').expect(401);
    });
  });
});
