import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { freePort, spawnApi } from '../support/processes';
import { createStaff, prepareTestEnv, startApi, uniqueAddress } from '../support/test-app';

const PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://desk.example.org',
  CHECKIN_LINK_SECRET: 'a-production-check-in-secret-of-32-chars+',
  INBOUND_TOKEN: 'a-production-inbound-token-0123456789',
};

/** What the built API prints when it refuses to start with `env` (it must not start). */
async function refusal(env: Record<string, string>): Promise<string> {
  const started = await spawnApi(await freePort(), env).then(
    async (api) => {
      await api.kill();
      return 'started';
    },
    (error: Error) => error.message,
  );
  return started.replace(/^api exited with \d+ before it was ready:\n/, '').trim();
}

/**
 * Issue 12: in production the session cookie was not Secure, there was no HSTS, PUBLIC_URL could be plain
 * http://localhost (in sent check-in links), the inbound token could be the published demo one, and the API
 * docs were open to anyone.
 */
describe('production defaults', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    await prepareTestEnv(PRODUCTION);
    app = await startApi();
  });
  afterAll(() => app.close());

  it('marks the session cookie Secure and sends HSTS', async () => {
    const user = await createStaff(app, 'viewer');
    const res = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: user.password })
      .expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('keeps /api/docs behind sign-in (any staff role)', async () => {
    const anonymous = request(app.getHttpServer());
    for (const path of ['/api/docs', '/api/docs/', '/api/docs/openapi.json']) {
      const res = await anonymous.get(path).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, message: 'Sign in to continue' });
    }
    // The cookie is Secure, so supertest's agent (plain HTTP) would not send it back: send it by hand.
    const user = await createStaff(app, 'viewer');
    const signIn = await anonymous
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: user.password })
      .expect(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const doc = await request(app.getHttpServer()).get('/api/docs/openapi.json').set('Cookie', cookie).expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
  });

  describe('refuses to start, in one plain line naming the variable', () => {
    jest.setTimeout(60_000);

    it('with a plain-HTTP PUBLIC_URL', async () => {
      expect(await refusal({ ...PRODUCTION, PUBLIC_URL: 'http://localhost:3000' })).toMatch(
        /^PUBLIC_URL must be an https:\/\/ URL in production [^\n]+$/,
      );
    });

    it('with the demo inbound token, or none', async () => {
      expect(await refusal({ ...PRODUCTION, INBOUND_TOKEN: 'demo-inbound-token-not-for-production' })).toMatch(
        /^INBOUND_TOKEN is a published demo value[^\n]+$/,
      );
      expect(await refusal({ ...PRODUCTION, INBOUND_TOKEN: '' })).toMatch(
        /^INBOUND_TOKEN must be set in production: [^\n]+$/,
      );
    });
  });
});
