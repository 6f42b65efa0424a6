import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { supporterInput } from '../support/supporters';
import { prepareTestEnv, signedInAgent, startApi } from '../support/test-app';

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];

const NUL = 'a\u0000b';
const list = (resource: string, params: Record<string, string>) =>
  `/api/${resource}?${new URLSearchParams(params).toString()}`;

/** Each class of bad input answers 400 in the house shape, naming the field; never 500. */
describe('bad input answers 400 naming the field', () => {
  let app: NestExpressApplication;
  let admin: Agent;

  beforeAll(async () => {
    await prepareTestEnv();
    app = await startApi();
    ({ agent: admin } = await signedInAgent(app, 'admin'));
  });
  afterAll(() => app.close());

  const expectField = (res: request.Response, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', fields: { [field]: expect.any(String) } });
  };

  it('a value outside an enum', async () => {
    expectField(await admin.post('/api/triage-rules').send({ keyword: 'scan', topic: 'astrology' }), 'topic');
    expectField(await admin.post('/api/staff-users').send({ email: 'a@b.test', name: 'A', role: 'owner' }), 'role');
    // List filters are named as `filter` (the query parameter), the message says which key.
    expectField(await admin.get(list('cases', { filter: '{"status":"reopened"}' })), 'filter');
  });

  it('a wrong-typed filter', async () => {
    expectField(await admin.get(list('staff-users', { filter: '{"id":5}' })), 'filter');
    expectField(await admin.get(list('staff-users', { filter: '[]' })), 'filter');
    expectField(await admin.get(list('staff-users', { filter: 'null' })), 'filter');
    expectField(await admin.get(list('staff-users', { filter: '{"id":[]}' })), 'filter');
    expectField(await admin.get(list('audit-events', { filter: '{"action":null}' })), 'filter');
    expectField(await admin.get(list('cases', { filter: '{"status":{"a":1}}' })), 'filter');
    expectField(await admin.get(list('supporters', { filter: '{"q":{"a":1}}' })), 'filter');
  });

  it('a filter value of the wrong kind, on every list that once answered 200 with nothing', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['staff-users', { role: 'wizard' }],
      ['staff-users', { active: 'maybe' }],
      ['triage-rules', { priority: 'sky-high' }],
      ['triage-rules', { topic: 'astrology' }],
      ['triage-rules', { active: 3 }],
      ['messages', { classification: 'junk' }],
      ['messages', { status: 7 }],
      ['messages', { direction: 'sideways' }],
      ['messages', { triage: 'perhaps' }],
      ['quarantined-messages', { reason: 'cosmic-rays' }],
      ['quarantined-messages', { id: 'not-a-uuid' }],
      ['audit-events', { action: 'case.teleported' }],
      ['mps', { id: 'abc' }],
      ['scheduled-emails', { dueAt_gte: 'yesterday' }],
      ['chase-tasks', { status: 'someday' }],
    ];
    for (const [resource, filter] of cases) {
      const res = await admin.get(list(resource, { filter: JSON.stringify(filter) }));
      expect({ resource, filter, status: res.status }).toEqual({ resource, filter, status: 400 });
      expect(res.body.fields.filter).toContain(Object.keys(filter)[0]);
    }
  });

  it('a huge or malformed range', async () => {
    for (const range of ['[0,1e9]', '[5,1]', '["a"]', '[0.5,3]', '[-1,3]', '[1e300,1e301]', '{}', '[0']) {
      expectField(await admin.get(list('staff-users', { range })), 'range');
    }
    // A page larger than the resource serves is cut to its largest page, as before.
    await admin.get(list('staff-users', { range: '[0,9999]' })).expect(200);
  });

  it('a bad sort', async () => {
    for (const sort of ['["passwordHash","ASC"]', '["name","SIDEWAYS"]', '"name"', '[1,2]', '[']) {
      expectField(await admin.get(list('staff-users', { sort })), 'sort');
    }
  });

  it('a NUL byte in a JSON body, nested in it, in a query, in a list filter or in a path', async () => {
    const res = await admin.post('/api/supporters').send(supporterInput({ name: NUL }));
    expectField(res, 'name');
    expect(res.body.message).toBe('name must not contain NUL bytes (\\u0000)');
    expectField(
      await admin.post('/api/supporters').send(supporterInput({ consents: { contactByEmail: true, [NUL]: true } })),
      `consents.${NUL}`,
    );
    expectField(
      await admin.post('/api/meetings').send({
        caseId: '00000000-0000-4000-8000-000000000000',
        type: 'in_person',
        startsAt: '2030-01-01T10:00:00Z',
        agreedActions: [{ description: NUL, owner: 'mp' }],
      }),
      'agreedActions.0.description',
    );
    expectField(await admin.put('/api/templates/reply').send({ subject: 'Hi', body: NUL }), 'body');
    expectField(await admin.get(`/api/directory/lookup?postcode=${encodeURIComponent(NUL)}`), 'postcode');
    expectField(await admin.get(list('supporters', { filter: JSON.stringify({ q: NUL }) })), 'filter');
    expectField(await admin.get('/api/cases/a%00b'), 'id');
  });

  it('an invalid X-Forwarded-For from the trusted proxy is ignored (the socket address stands in)', async () => {
    for (const header of ['not-an-ip', '1.2.3.4, nope', '999.1.1.1', '1.2.3.4:5678']) {
      await admin.get('/api/auth/me').set('X-Forwarded-For', header).expect(200);
    }
    // Sign-in reads the address for its rate limit and the audit log (an inet column): still a plain 401.
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', 'garbage')
      .send({ email: 'nobody@test.local', password: 'whatever-it-is' })
      .expect(401);
    // Entries beyond the trusted proxy's are not the API's business; a valid last hop is used.
    await admin.get('/api/auth/me').set('X-Forwarded-For', 'garbage, 203.0.113.9').expect(200);
    await admin.get('/api/auth/me').set('X-Forwarded-For', '2001:db8::1').expect(200);
  });

  it('bad report parameters', async () => {
    for (const query of [
      'from=2026-13-01&to=2026-12-31',
      `from=${encodeURIComponent(NUL)}&to=2026-01-01`,
      'from[a]=1',
    ]) {
      const res = await admin.get(`/api/reports/mp-engagement?${query}`);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields ?? {})).toHaveLength(1);
    }
  });
});
