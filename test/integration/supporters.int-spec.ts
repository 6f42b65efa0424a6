import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { SupporterDto } from '@campaign-desk/contracts';
import { importDirectory } from '../support/directory';
import { supporterInput } from '../support/supporters';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];

describe('supporters', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let caseworker: Agent;
  let caseworkerId: string;
  let admin: Agent;
  let viewer: Agent;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startApi();
    await importDirectory(app);
    ({
      agent: caseworker,
      user: { id: caseworkerId },
    } = await signedInAgent(app, 'caseworker'));
    ({ agent: admin } = await signedInAgent(app, 'admin'));
    ({ agent: viewer } = await signedInAgent(app, 'viewer'));
  }, 60_000);
  afterAll(() => app.close());

  const create = (over: Record<string, unknown> = {}) => caseworker.post('/api/supporters').send(supporterInput(over));
  const audit = (id: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT action, actor_id, details FROM audit_events WHERE entity_id = $1 ORDER BY id`, [id]))
          .rows,
    );

  it('creates a supporter: postcode normalised, constituency and MP from it, consents with who and when, phone in E.164', async () => {
    const res = await create({
      name: '  Ada   Lovelace ',
      phone: '020 7946 0123',
      address: '1 Example Road',
      postcode: 'wc1e6bt',
      consents: { contactByEmail: true, media: false },
    }).expect(201);
    const body = res.body as SupporterDto;
    expect(body).toMatchObject({
      name: 'Ada Lovelace',
      postcode: 'WC1E 6BT',
      phone: '+442079460123',
      constituencyId: 'E14001290',
      constituency: { name: 'Holborn and St Pancras' },
      mp: { id: expect.any(Number) },
      constituencyMethod: 'exact',
      constituencyOverride: null,
      constituencyCandidates: [],
      consents: { contactByEmail: true, shareWithMp: false, shareWithTrust: false, media: false },
      onHold: false,
      deletedAt: null,
      mergedIntoId: null,
    });
    expect(body.consentChanges.contactByEmail).toEqual({ at: expect.any(String), byId: caseworkerId });
    expect(body.consentChanges.media).toEqual({ at: expect.any(String), byId: caseworkerId });
    expect(body.consentChanges.shareWithMp).toEqual({ at: null, byId: null });
    expect(await audit(body.id)).toEqual([
      {
        action: 'supporter.created',
        actor_id: caseworkerId,
        details: { constituencyId: 'E14001290', method: 'exact' },
      },
    ]);
    await caseworker
      .get(`/api/supporters/${body.id}`)
      .expect(200)
      .expect((r) => expect(r.body).toEqual(body));
  });

  it('keeps the candidate list when the postcode straddles seats, and takes a staff override', async () => {
    const res = await create({ postcode: 'EH1 1AA' }).expect(201);
    expect(res.body.constituencyMethod).toBe('sector');
    expect(res.body.constituencyCandidates.length).toBeGreaterThan(1);
    expect(res.body.constituencyId).toBe(res.body.constituencyCandidates[0].constituencyId);
    const second = res.body.constituencyCandidates[1].constituencyId;
    const updated = await caseworker
      .put(`/api/supporters/${res.body.id}`)
      .send({ ...res.body, constituencyOverride: second })
      .expect(200);
    expect(updated.body).toMatchObject({
      constituencyId: second,
      constituencyOverride: second,
      constituencyMethod: 'sector',
    });
    // Saving the record unchanged keeps the override.
    const again = await caseworker.put(`/api/supporters/${res.body.id}`).send(updated.body).expect(200);
    expect(again.body.constituencyId).toBe(second);
    // A new postcode resolves afresh: the old override is dropped.
    const moved = await caseworker
      .put(`/api/supporters/${res.body.id}`)
      .send({ ...again.body, postcode: 'WC1E 6BT' })
      .expect(200);
    expect(moved.body).toMatchObject({
      postcode: 'WC1E 6BT',
      constituencyId: 'E14001290',
      constituencyOverride: null,
      constituencyCandidates: [],
    });
    // null clears an override explicitly.
    const chosen = await caseworker
      .put(`/api/supporters/${res.body.id}`)
      .send({ constituencyOverride: 'E14001172' })
      .expect(200);
    expect(chosen.body.constituencyId).toBe('E14001172');
    const cleared = await caseworker
      .put(`/api/supporters/${res.body.id}`)
      .send({ constituencyOverride: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ constituencyId: 'E14001290', constituencyOverride: null });
  });

  it('takes a Northern Ireland postcode as not covered offline, with the 18 seats to choose from', async () => {
    const res = await create({ postcode: 'BT9 5AB' }).expect(201);
    expect(res.body).toMatchObject({ postcode: 'BT9 5AB', constituencyId: null, constituencyMethod: 'not_covered' });
    expect(res.body.constituencyCandidates).toHaveLength(18);
    const chosen = await caseworker
      .put(`/api/supporters/${res.body.id}`)
      .send({ constituencyOverride: 'N05000003' })
      .expect(200);
    expect(chosen.body).toMatchObject({
      constituencyId: 'N05000003',
      constituency: { nation: 'Northern Ireland' },
      mp: { id: expect.any(Number) },
    });
    const direct = await create({ postcode: 'BT1 5GS', constituencyOverride: 'N05000001' }).expect(201);
    expect(direct.body.constituencyId).toBe('N05000001');
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', /email address/],
    [{ phone: '12345' }, 'phone', /UK phone/],
    [{ phone: '+33 1 23 45 67 89' }, 'phone', /UK phone/],
    [{ postcode: 'hello' }, 'postcode', /not a valid UK postcode format/],
    [{ postcode: 'ZE9 9ZZ' }, 'postcode', /not found/],
    [{ postcode: 'SW1A' }, 'postcode', /full postcode/],
    [{ postcode: 'JE2 3AB' }, 'postcode', /Jersey/],
    [{ postcode: undefined }, 'postcode', /required/],
    [{ name: '' }, 'name', /required/],
    [{ name: '   ' }, 'name', /required/],
    [{ nickname: 'x' }, 'nickname', /not an allowed field/],
    [{ consents: { telepathy: true } }, 'consents.telepathy', /not an allowed field/],
    [{ consents: { media: 'yes' } }, 'consents.media', /true or false/],
    [{ consents: 'all' }, 'consents', /object/],
    [{ constituencyOverride: 'Holborn' }, 'constituencyOverride', /GSS code/],
    [{ constituencyOverride: 'E14999999' }, 'constituencyOverride', /not a known constituency/],
    [{ onHold: true }, 'onHoldReason', /required when onHold/],
    [{ createAnyway: 'yes' }, 'createAnyway', /true or false/],
  ])('answers 400 naming the field for %j', async (over, field, message) => {
    const res = await create(over).expect(400);
    expect(res.body.fields[field]).toMatch(message);
  });

  it('validates updates the same way and 404s unknown supporters', async () => {
    const { body } = await create().expect(201);
    expect(
      (await caseworker.put(`/api/supporters/${body.id}`).send({ phone: 'call me' }).expect(400)).body.fields.phone,
    ).toMatch(/UK phone/);
    expect(
      (await caseworker.put(`/api/supporters/${body.id}`).send({ postcode: 'SW1A 1AAA' }).expect(400)).body.fields
        .postcode,
    ).toMatch(/format/);
    expect(
      (await caseworker.put(`/api/supporters/${body.id}`).send({ email: null }).expect(400)).body.fields,
    ).toHaveProperty('email');
    await caseworker.get('/api/supporters/00000000-0000-4000-8000-000000000000').expect(404);
    await caseworker.get('/api/supporters/not-a-uuid').expect(404);
    await caseworker.put('/api/supporters/00000000-0000-4000-8000-000000000000').send({ name: 'X' }).expect(404);
  });

  it('records who changed a consent and when, audits the fields changed, and sets and clears on hold', async () => {
    const { body } = await create({ consents: { shareWithMp: false } }).expect(201);
    const res = await caseworker
      .put(`/api/supporters/${body.id}`)
      .send({ consents: { shareWithMp: true }, onHold: true, onHoldReason: 'Bereavement' })
      .expect(200);
    expect(res.body).toMatchObject({ consents: { shareWithMp: true }, onHold: true, onHoldReason: 'Bereavement' });
    expect(res.body.consentChanges.shareWithMp.byId).toBe(caseworkerId);
    expect(res.body.consentChanges.shareWithMp.at > body.consentChanges.shareWithMp.at).toBe(true);
    const off = await caseworker.put(`/api/supporters/${body.id}`).send({ onHold: false }).expect(200);
    expect(off.body).toMatchObject({ onHold: false, onHoldReason: null });
    const events = await audit(body.id);
    expect(events.map((e) => e.action)).toEqual(['supporter.created', 'supporter.updated', 'supporter.updated']);
    expect(events[1].details.fields.sort()).toEqual(['consentShareWithMp', 'onHold', 'onHoldReason']);
  });

  it('lists with search over name, email and postcode, filters and sorts, answering Content-Range', async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const a = (await create({ name: `Aaron ${tag}`, postcode: 'SW1A 1AA', consents: { media: true } }).expect(201))
      .body;
    const b = (
      await create({
        name: `Beth ${tag}`,
        email: `beth.${tag}@example.org`,
        postcode: 'WC1E 6BT',
        onHold: true,
        onHoldReason: 'Travelling',
      }).expect(201)
    ).body;
    const list = (filter: object, extra: Record<string, string> = {}) =>
      caseworker.get('/api/supporters').query({ filter: JSON.stringify(filter), ...extra });

    const byName = await list({ q: tag }).expect(200);
    expect(byName.body.map((s: SupporterDto) => s.id)).toEqual([a.id, b.id]);
    expect(byName.headers['content-range']).toBe('supporters 0-1/2');
    expect((await list({ q: `beth.${tag}@` }).expect(200)).body.map((s: SupporterDto) => s.id)).toEqual([b.id]);
    expect(
      (await list({ q: tag, constituencyId: 'E14001290' }).expect(200)).body.map((s: SupporterDto) => s.id),
    ).toEqual([b.id]);
    expect((await list({ q: tag, consentMedia: true }).expect(200)).body.map((s: SupporterDto) => s.id)).toEqual([
      a.id,
    ]);
    expect((await list({ q: tag, onHold: true }).expect(200)).body.map((s: SupporterDto) => s.id)).toEqual([b.id]);
    expect(
      (await list({ q: tag }, { sort: '["name","DESC"]' }).expect(200)).body.map((s: SupporterDto) => s.id),
    ).toEqual([b.id, a.id]);
    expect(
      (await list({ q: tag }, { sort: '["postcode","ASC"]' }).expect(200)).body.map((s: SupporterDto) => s.id),
    ).toEqual([a.id, b.id]);
    expect(
      (await list({ q: tag }, { sort: '["createdAt","DESC"]' }).expect(200)).body.map((s: SupporterDto) => s.id),
    ).toEqual([b.id, a.id]);
    expect((await list({ id: [a.id, b.id] }).expect(200)).body).toHaveLength(2);
    // Postcode search with or without its space.
    const pc = (await list({ q: 'sw1a1aa' }).expect(200)).body.map((s: SupporterDto) => s.id);
    expect(pc).toContain(a.id);
    expect((await list({ q: 'SW1A 1AA' }).expect(200)).body.map((s: SupporterDto) => s.id)).toContain(a.id);
  });

  it('answers 400 for unknown filters and sorts and bad filter values', async () => {
    expect(
      (await caseworker.get('/api/supporters').query({ filter: '{"favouriteColour":"red"}' }).expect(400)).body.message,
    ).toMatch(/favouriteColour/);
    expect(
      (await caseworker.get('/api/supporters').query({ sort: '["email","ASC"]' }).expect(400)).body.fields,
    ).toHaveProperty('sort');
    expect(
      (await caseworker.get('/api/supporters').query({ filter: '{"onHold":"sometimes"}' }).expect(400)).body.fields
        .filter,
    ).toMatch(/onHold/);
    expect(
      (await caseworker.get('/api/supporters').query({ filter: '{"constituencyId":"Holborn"}' }).expect(400)).body
        .fields.filter,
    ).toMatch(/GSS/);
    expect(
      (await caseworker.get('/api/supporters').query({ filter: '{"id":["x"]}' }).expect(400)).body.fields.filter,
    ).toMatch(/id/);
  });

  it('shows viewers the constituency only (no name), offers them no search, and lets them change nothing', async () => {
    const tag = `vw${Date.now().toString(36)}`;
    const s = (
      await create({
        name: `Vera ${tag}`,
        email: `vera.${tag}@example.org`,
        phone: '0161 496 0123',
        address: '2 Mill Lane',
      }).expect(201)
    ).body;
    const list = await viewer
      .get('/api/supporters')
      .query({ filter: JSON.stringify({ id: [s.id] }) })
      .expect(200);
    expect(list.body).toEqual([
      {
        id: s.id,
        name: null,
        constituencyId: 'E14001290',
        constituency: s.constituency,
        mp: s.mp,
        onHold: false,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
      },
    ]);
    const one = await viewer.get(`/api/supporters/${s.id}`).expect(200);
    expect(one.body.name).toBeNull();
    for (const hidden of ['email', 'phone', 'address', 'postcode', 'consents', 'onHoldReason'])
      expect(one.body).not.toHaveProperty(hidden);
    // A search, even by name, would say who is a supporter; sorting by name would order what is hidden.
    await viewer
      .get('/api/supporters')
      .query({ filter: JSON.stringify({ q: tag }) })
      .expect(400);
    await viewer.get('/api/supporters').query({ sort: '["name","ASC"]' }).expect(400);
    await viewer.get('/api/supporters').query({ sort: '["postcode","ASC"]' }).expect(400);
    // Filtering by consent or on-hold would reveal what the summary hides.
    await viewer.get('/api/supporters').query({ filter: '{"consentMedia":true}' }).expect(400);
    await viewer.get('/api/supporters').query({ filter: '{"onHold":true}' }).expect(400);
    await viewer.post('/api/supporters').send(supporterInput()).expect(403);
    await viewer.put(`/api/supporters/${s.id}`).send({ name: 'X' }).expect(403);
    await viewer.delete(`/api/supporters/${s.id}`).expect(403);
    await viewer.post(`/api/supporters/${s.id}/merge`).send({ targetId: s.id }).expect(403);
  });

  it('soft-deletes for admins only: gone from lists and duplicate checks, still readable, no longer editable', async () => {
    const input = supporterInput();
    const s = (await caseworker.post('/api/supporters').send(input).expect(201)).body;
    await caseworker.delete(`/api/supporters/${s.id}`).expect(403);
    const deleted = await admin.delete(`/api/supporters/${s.id}`).expect(200);
    expect(deleted.body.deletedAt).toEqual(expect.any(String));
    expect(
      (
        await caseworker
          .get('/api/supporters')
          .query({ filter: JSON.stringify({ id: [s.id] }) })
          .expect(200)
      ).body,
    ).toEqual([]);
    expect((await caseworker.get(`/api/supporters/${s.id}`).expect(200)).body.deletedAt).toEqual(
      deleted.body.deletedAt,
    );
    await caseworker.put(`/api/supporters/${s.id}`).send({ name: 'Back' }).expect(409);
    await admin.delete(`/api/supporters/${s.id}`).expect(409);
    await caseworker.post('/api/supporters').send(input).expect(201);
    expect((await audit(s.id)).map((e) => e.action)).toEqual([
      'supporter.created',
      'supporter.deleted',
      'supporter.read',
    ]);
  });

  it('needs a signed-in user', async () => {
    const res = await request(app.getHttpServer()).get('/api/supporters').expect(401);
    expect(res.body.statusCode).toBe(401);
  });
});
