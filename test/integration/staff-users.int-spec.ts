import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('staff users resource (simple REST)', () => {
  let env: TestEnv;
  let app: NestExpressApplication;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startApi();
  });
  afterAll(() => app.close());

  it('lists with Content-Range, sort, range, search and filters', async () => {
    const { agent } = await signedInAgent(app, 'admin');
    for (const name of ['Zoe Zed', 'Amy Ash', 'Mo Mid']) {
      await agent
        .post('/api/staff-users')
        .send({
          email: `${name.split(' ')[0].toLowerCase()}@charity.test`,
          name,
          role: 'caseworker',
          password: 'long-enough-pass',
        })
        .expect(201);
    }
    const page = await agent.get('/api/staff-users').query({ sort: '["name","ASC"]', range: '[0,1]' }).expect(200);
    expect(page.headers['content-range']).toBe('staff-users 0-1/4');
    expect(page.body.map((u: { name: string }) => u.name)).toEqual(['Amy Ash', 'Mo Mid']);
    expect(page.body[0]).not.toHaveProperty('passwordHash');

    const search = await agent.get('/api/staff-users').query({ filter: '{"q":"zoe"}' }).expect(200);
    expect(search.body.map((u: { email: string }) => u.email)).toEqual(['zoe@charity.test']);
    expect(search.headers['content-range']).toBe('staff-users 0-0/1');

    const admins = await agent.get('/api/staff-users').query({ filter: '{"role":"admin"}' }).expect(200);
    expect(admins.body).toHaveLength(1);

    const many = await agent
      .get('/api/staff-users')
      .query({ filter: JSON.stringify({ id: [page.body[0].id, page.body[1].id] }) })
      .expect(200);
    expect(many.body).toHaveLength(2);
  });

  it('rejects unknown sort and filter fields with 400 naming them', async () => {
    const { agent } = await signedInAgent(app, 'admin');
    const sort = await agent.get('/api/staff-users').query({ sort: '["passwordHash","ASC"]' }).expect(400);
    expect(sort.body.fields).toHaveProperty('sort');
    const filter = await agent.get('/api/staff-users').query({ filter: '{"password":"x"}' }).expect(400);
    expect(filter.body.message).toContain('password');
  });

  it('creates, reads, updates role and deactivates, with audit events', async () => {
    const { agent, user: admin } = await signedInAgent(app, 'admin');
    const created = await agent
      .post('/api/staff-users')
      .send({ email: 'new.cw@charity.test', name: 'New Caseworker', role: 'caseworker', password: 'long-enough-pass' })
      .expect(201);
    const id = created.body.id;
    await agent
      .get(`/api/staff-users/${id}`)
      .expect(200)
      .expect((r) => expect(r.body).toMatchObject({ email: 'new.cw@charity.test', role: 'caseworker', active: true }));
    const updated = await agent
      .put(`/api/staff-users/${id}`)
      .send({ ...created.body, role: 'viewer' })
      .expect(200);
    expect(updated.body.role).toBe('viewer');
    const deactivated = await agent.delete(`/api/staff-users/${id}`).expect(200);
    expect(deactivated.body.active).toBe(false);
    const audit = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT action, actor_id FROM audit_events WHERE entity_id = $1 ORDER BY id`, [id])).rows,
    );
    expect(audit).toEqual([
      { action: 'staff_user.created', actor_id: admin.id },
      { action: 'staff_user.updated', actor_id: admin.id },
      { action: 'staff_user.deactivated', actor_id: admin.id },
    ]);
  });

  it('answers 409 for a duplicate email and 400 naming bad fields', async () => {
    const { agent } = await signedInAgent(app, 'admin');
    await agent
      .post('/api/staff-users')
      .send({ email: 'dup@charity.test', name: 'Dup', role: 'viewer', password: 'long-enough-pass' })
      .expect(201);
    const dup = await agent
      .post('/api/staff-users')
      .send({ email: 'DUP@charity.test', name: 'Dup 2', role: 'viewer', password: 'long-enough-pass' })
      .expect(409);
    expect(dup.body.fields).toEqual({ email: 'already in use' });
    const bad = await agent
      .post('/api/staff-users')
      .send({ email: 'x', name: '', role: 'boss', password: 'short', extra: 1 })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'extra', 'name', 'password', 'role']);
  });

  it('refuses to change an email, to lock yourself out, or to remove the last admin', async () => {
    const { agent, user } = await signedInAgent(app, 'admin');
    const me = (await agent.get(`/api/staff-users/${user.id}`).expect(200)).body;
    await agent
      .put(`/api/staff-users/${user.id}`)
      .send({ ...me, email: 'other@charity.test' })
      .expect(400);
    const self = await agent
      .put(`/api/staff-users/${user.id}`)
      .send({ ...me, active: false })
      .expect(400);
    expect(self.body.fields).toHaveProperty('active');
    await agent
      .put(`/api/staff-users/${user.id}`)
      .send({ ...me, role: 'viewer' })
      .expect(400);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const { agent } = await signedInAgent(app, 'admin');
    await agent.get('/api/staff-users/00000000-0000-4000-8000-000000000000').expect(404);
    await agent.get('/api/staff-users/not-a-uuid').expect(404);
  });

  it.each(['caseworker', 'viewer'] as const)('forbids a %s (403) and an anonymous caller (401)', async (role) => {
    const { agent } = await signedInAgent(app, role);
    const res = await agent.get('/api/staff-users').expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    await agent
      .post('/api/staff-users')
      .send({ email: 'x@charity.test', name: 'X', role: 'admin', password: 'long-enough-pass' })
      .expect(403);
    await request(app.getHttpServer()).get('/api/staff-users').expect(401);
  });
});
