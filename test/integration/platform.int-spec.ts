import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';
import { ADMIN_DATABASE_URL } from '../support/test-env';

describe('health, docs and security headers', () => {
  let env: TestEnv;
  let app: NestExpressApplication;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startApi();
  });
  afterAll(() => app.close());

  it('reports Postgres and Redis separately', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(app.getHttpServer()).get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/staff-users', '/api/health']),
    );
  });

  it('sends a strict Content-Security-Policy and no framing', async () => {
    const res = await request(app.getHttpServer()).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('does not answer cross-origin requests with CORS headers', async () => {
    const res = await request(app.getHttpServer())
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 404 in the error shape for an unknown API route', async () => {
    const res = await request(app.getHttpServer()).get('/api/nope').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('says 503 when Postgres goes away, and recovers when it is back', async () => {
    const { agent } = await signedInAgent(app, 'admin');
    const dbName = new URL(env.databaseUrl).pathname.slice(1);
    await withDb(ADMIN_DATABASE_URL, async (db) => {
      await db.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
      await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [dbName],
      );
    });
    try {
      const health = await request(app.getHttpServer()).get('/api/health').expect(503);
      expect(health.body.details.postgres.status).toBe('down');
      expect(health.body.details.redis.status).toBe('up');
      const list = await agent.get('/api/staff-users').expect(503);
      expect(list.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    } finally {
      await withDb(ADMIN_DATABASE_URL, (db) => db.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`));
    }
    await request(app.getHttpServer()).get('/api/health').expect(200);
    await agent.get('/api/staff-users').expect(200);
  });
});

describe('health when Redis is unreachable', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    await prepareTestEnv({ REDIS_URL: 'redis://127.0.0.1:6390' });
    app = await startApi();
  });
  afterAll(async () => {
    await app.close();
    process.env.REDIS_URL = 'redis://127.0.0.1:6379';
  });

  it('answers 503 naming Redis as down while Postgres is up', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(res.body.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'down' } });
  });

  it('still rate limits and signs in (the in-memory limiter stands in)', async () => {
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'x@test.local', password: 'wrong-password' })
      .expect(401);
  });
});
