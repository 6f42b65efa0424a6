import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { freePort, spawnApi, type AppProcess } from '../support/processes';
import { createStaff, prepareTestEnv, startApi, uniqueAddress } from '../support/test-app';

/** The access log lines (pino JSON) of a process's output. */
const accessLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; req?: { url: string }; res?: { statusCode: number } })
    .filter((line) => line.msg === 'request completed');

/**
 * Issue 12: the access log printed check-in tokens in the URL path, and bad list parameters must never put the
 * raw value into the log. These run the built API at LOG_LEVEL=info and read what it writes.
 */
describe('what the logs never contain', () => {
  let app: NestExpressApplication;
  let api: AppProcess;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    await prepareTestEnv();
    app = await startApi(); // for creating staff in the shared database
    const port = await freePort();
    api = await spawnApi(port, { LOG_LEVEL: 'info' });
    base = `http://127.0.0.1:${port}`;
    const user = await createStaff(app, 'admin');
    const signIn = await request(base)
      .post('/api/auth/login')
      .set('X-Forwarded-For', uniqueAddress())
      .send({ email: user.email, password: user.password })
      .expect(200);
    cookie = String(signIn.headers['set-cookie']).split(';')[0];
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await app?.close();
  });

  it("logs a check-in request's route without its token", async () => {
    const token = `tok${randomBytes(16).toString('hex')}`;
    await request(base).get(`/api/public/checkin/${token}?answer=yes`);
    await request(base).post(`/api/public/checkin/${token}`).type('form').send({ answer: 'no' });
    await api.stop();
    const lines = accessLines(api.output()).filter((l) => l.req?.url.startsWith('/api/public/checkin'));
    expect(lines.map((l) => l.req?.url)).toEqual([
      '/api/public/checkin/[redacted]?answer=…',
      '/api/public/checkin/[redacted]',
    ]);
    expect(api.output()).not.toContain(token);
    api = await spawnApi(Number(new URL(base).port), { LOG_LEVEL: 'info' });
  }, 90_000);

  it('answers a huge range or a wrong-typed filter with a 400 naming it, and logs none of the values', async () => {
    const marker = `MARKER${randomBytes(6).toString('hex')}`;
    const get = (path: string, query: Record<string, string>) =>
      request(base).get(path).query(query).set('Cookie', cookie);
    const cases: [request.Test, string][] = [
      [get('/api/staff-users', { range: '[0,1e9]' }), 'range'],
      [get('/api/staff-users', { range: `[0,"${marker}"]` }), 'range'],
      [get('/api/staff-users', { range: `[0,9999999999999999${marker.length}]` }), 'range'],
      [get('/api/staff-users', { filter: JSON.stringify({ id: marker }) }), 'filter'],
      [get('/api/audit-events', { filter: JSON.stringify({ id: marker }) }), 'filter'],
      [get('/api/cases', { filter: JSON.stringify({ status: { [marker]: marker } }) }), 'filter'],
      [get('/api/messages', { filter: JSON.stringify({ caseId: marker }) }), 'filter'],
      [get('/api/supporters', { sort: JSON.stringify([marker, 'ASC']) }), 'sort'],
    ];
    for (const [req, field] of cases) {
      const res = await req;
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
    await api.stop();
    const output = api.output();
    expect(accessLines(output).filter((l) => l.res?.statusCode === 400).length).toBeGreaterThanOrEqual(cases.length);
    expect(output).not.toContain(marker);
    expect(output).not.toContain('1e9');
  }, 90_000);
});
