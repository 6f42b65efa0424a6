import { ConflictException, Injectable } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EntityManager } from 'typeorm';
import type { DomainEventPayloads, SupporterDto } from '@campaign-desk/contracts';
import { OnDomainEvent } from '@campaign-desk/server-core';
import { importDirectory } from '../support/directory';
import { startApiWithProviders, supporterInput } from '../support/supporters';
import { prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';
import { APP_ROLE } from '../support/test-env';

/** Stands in for a later domain (cases) whose rows point at supporters. */
@Injectable()
class LinkedRecords {
  static failWith: Error | null = null;
  static paused: DomainEventPayloads['supporter.contact_paused'][] = [];

  @OnDomainEvent('supporter.merged')
  async move(payload: DomainEventPayloads['supporter.merged'], manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE test_supporter_links SET supporter_id = $2 WHERE supporter_id = $1`, [
      payload.sourceId,
      payload.targetId,
    ]);
    if (LinkedRecords.failWith) throw LinkedRecords.failWith;
  }

  @OnDomainEvent('supporter.contact_paused')
  async paused(payload: DomainEventPayloads['supporter.contact_paused']): Promise<void> {
    LinkedRecords.paused.push(payload);
  }
}

type Agent = Awaited<ReturnType<typeof signedInAgent>>['agent'];

describe('supporter duplicates and merge', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let caseworker: Agent;
  let admin: Agent;

  beforeAll(async () => {
    env = await prepareTestEnv();
    await withDb(env.databaseUrl, (db) =>
      db.query(
        `CREATE TABLE test_supporter_links (id serial PRIMARY KEY, supporter_id uuid NOT NULL);
         GRANT SELECT, INSERT, UPDATE, DELETE ON test_supporter_links TO ${APP_ROLE};
         GRANT USAGE ON SEQUENCE test_supporter_links_id_seq TO ${APP_ROLE}`,
      ),
    );
    app = await startApiWithProviders([LinkedRecords]);
    await importDirectory(app);
    ({ agent: caseworker } = await signedInAgent(app, 'caseworker'));
    ({ agent: admin } = await signedInAgent(app, 'admin'));
  }, 60_000);
  afterAll(() => app.close());
  beforeEach(() => {
    LinkedRecords.failWith = null;
    LinkedRecords.paused = [];
  });

  const create = async (over: Record<string, unknown> = {}): Promise<SupporterDto> =>
    (await caseworker.post('/api/supporters').send(supporterInput(over)).expect(201)).body;
  const link = (supporterId: string) =>
    withDb(env.databaseUrl, (db) =>
      db.query(`INSERT INTO test_supporter_links (supporter_id) VALUES ($1)`, [supporterId]),
    );
  const links = (supporterId: string) =>
    withDb(env.databaseUrl, async (db) =>
      Number(
        (await db.query(`SELECT count(*) FROM test_supporter_links WHERE supporter_id = $1`, [supporterId])).rows[0]
          .count,
      ),
    );
  const merge = (sourceId: string, targetId: unknown) =>
    caseworker.post(`/api/supporters/${sourceId}/merge`).send({ targetId });

  it('answers 409 with the existing id for the same email, however it is written', async () => {
    const existing = await create({ email: 'jo.bloggs@gmail.com' });
    for (const email of ['JO.BLOGGS@gmail.com', 'jobloggs+cancer@googlemail.com', ' jo.bloggs@GMAIL.com ']) {
      const res = await caseworker
        .post('/api/supporters')
        .send(supporterInput({ email: email.trim() }))
        .expect(409);
      expect(res.body).toMatchObject({
        statusCode: 409,
        existingId: existing.id,
        matchedOn: 'email',
        fields: { email: expect.any(String) },
      });
    }
  });

  it('answers 409 for the same name and postcode with another email', async () => {
    const existing = await create({ name: 'Dup Lication', postcode: 'SW1A 1AA' });
    const res = await caseworker
      .post('/api/supporters')
      .send(supporterInput({ name: 'dup  lication', postcode: 'sw1a1aa' }))
      .expect(409);
    expect(res.body).toMatchObject({ existingId: existing.id, matchedOn: 'name_and_postcode' });
  });

  it('creates anyway when asked, and audits that it knew', async () => {
    const existing = await create({ name: 'Twin Person', postcode: 'SW1A 1AA' });
    const twin = (
      await caseworker
        .post('/api/supporters')
        .send(supporterInput({ name: 'Twin Person', postcode: 'SW1A 1AA', createAnyway: true }))
        .expect(201)
    ).body;
    const [created] = await withDb(
      env.databaseUrl,
      async (db) => (await db.query(`SELECT details FROM audit_events WHERE entity_id = $1`, [twin.id])).rows,
    );
    expect(created.details.createdDespiteDuplicateOf).toBe(existing.id);
  });

  it('creates each of two racing duplicates at most once', async () => {
    const input = supporterInput();
    const results = await Promise.all([1, 2, 3].map(() => caseworker.post('/api/supporters').send(input)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('merges: moves linked records, keeps the richer fields, soft-deletes the source and audits both', async () => {
    const target = await create({ name: 'J Smith', phone: '020 7946 0123', consents: { media: true } });
    const source = await create({
      name: 'Jane Smith',
      address: '14 Orchard Close',
      postcode: 'SW1A 1AA',
      consents: { shareWithMp: true },
    });
    await link(source.id);
    await link(source.id);
    await link(target.id);
    const res = await merge(source.id, target.id).expect(200);
    expect(res.body).toMatchObject({ sourceId: source.id, targetId: target.id });
    expect(res.body.target).toMatchObject({
      id: target.id,
      name: 'Jane Smith',
      address: '14 Orchard Close',
      phone: '+442079460123',
      email: target.email,
      postcode: target.postcode,
      consents: { media: true, shareWithMp: true },
    });
    expect(await links(target.id)).toBe(3);
    expect(await links(source.id)).toBe(0);
    const gone = (await caseworker.get(`/api/supporters/${source.id}`).expect(200)).body;
    expect(gone).toMatchObject({ mergedIntoId: target.id, deletedAt: expect.any(String) });
    expect(
      (
        await caseworker
          .get('/api/supporters')
          .query({ filter: JSON.stringify({ id: [source.id, target.id] }) })
          .expect(200)
      ).body.map((s: SupporterDto) => s.id),
    ).toEqual([target.id]);
    const events = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT action, entity_id, details FROM audit_events WHERE action LIKE 'supporter.merged%' AND entity_id IN ($1, $2) ORDER BY id`,
            [source.id, target.id],
          )
        ).rows,
    );
    expect(events).toEqual([
      { action: 'supporter.merged_into', entity_id: source.id, details: { targetId: target.id } },
      {
        action: 'supporter.merged_from',
        entity_id: target.id,
        details: { sourceId: source.id, fieldsTaken: ['name', 'address', 'consentShareWithMp'] },
      },
    ]);
    // The merged record's email now leads to the survivor.
    const again = await caseworker
      .post('/api/supporters')
      .send(supporterInput({ email: source.email }))
      .expect(409);
    expect(again.body.existingId).toBe(target.id);
    // And it cannot be edited or merged again.
    await caseworker.put(`/api/supporters/${source.id}`).send({ name: 'X' }).expect(409);
    expect((await merge(source.id, target.id).expect(400)).body.message).toMatch(/already merged/);
  });

  it('keeps merge chains one hop long', async () => {
    const a = await create();
    const b = await create();
    const c = await create();
    await merge(c.id, b.id).expect(200);
    await merge(b.id, a.id).expect(200);
    expect((await caseworker.get(`/api/supporters/${c.id}`).expect(200)).body.mergedIntoId).toBe(a.id);
  });

  it('refuses to merge into itself, a deleted or merged record, or an unknown one (400), and unknown sources (404)', async () => {
    const a = await create();
    const b = await create();
    const deleted = await create();
    await admin.delete(`/api/supporters/${deleted.id}`).expect(200);
    const merged = await create();
    await merge(merged.id, b.id).expect(200);

    expect((await merge(a.id, a.id).expect(400)).body.fields.targetId).toMatch(/itself/);
    expect((await merge(a.id, a.id.toUpperCase()).expect(400)).body.fields.targetId).toMatch(/itself/);
    expect((await merge(a.id, deleted.id).expect(400)).body.fields.targetId).toMatch(/deleted/);
    expect((await merge(a.id, merged.id).expect(400)).body.fields.targetId).toMatch(new RegExp(`merged into ${b.id}`));
    expect((await merge(a.id, '00000000-0000-4000-8000-000000000000').expect(400)).body.fields.targetId).toMatch(
      /not a supporter/,
    );
    expect((await merge(a.id, 'nobody').expect(400)).body.fields.targetId).toMatch(/supporter id/);
    expect((await merge(a.id, undefined).expect(400)).body.fields).toHaveProperty('targetId');
    await merge('00000000-0000-4000-8000-000000000000', a.id).expect(404);
    await merge('not-a-uuid', a.id).expect(404);
    expect((await merge(deleted.id, a.id).expect(400)).body.message).toMatch(/deleted/);
    // Nothing happened to a.
    expect((await caseworker.get(`/api/supporters/${a.id}`).expect(200)).body.deletedAt).toBeNull();
  });

  it('rolls the whole merge back when a linked domain refuses', async () => {
    const target = await create();
    const source = await create({ name: 'A Much Longer Name Than The Other' });
    await link(source.id);
    LinkedRecords.failWith = new ConflictException('A case of this supporter is being edited: try again');
    const res = await merge(source.id, target.id).expect(409);
    expect(res.body.message).toMatch(/being edited/);
    expect(await links(source.id)).toBe(1);
    const after = (await caseworker.get(`/api/supporters/${source.id}`).expect(200)).body;
    expect(after).toMatchObject({ deletedAt: null, mergedIntoId: null });
    expect((await caseworker.get(`/api/supporters/${target.id}`).expect(200)).body.name).toBe(target.name);
    const audited = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(`SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action LIKE 'supporter.merged%'`, [
            source.id,
          ])
        ).rows[0].count,
    );
    expect(Number(audited)).toBe(0);
  });

  it('tells other domains when a supporter goes on hold or withdraws email consent, and not otherwise', async () => {
    const s = await create({ consents: { contactByEmail: true } });
    await caseworker.put(`/api/supporters/${s.id}`).send({ address: '3 Quarry Road' }).expect(200);
    expect(LinkedRecords.paused).toEqual([]);
    await caseworker.put(`/api/supporters/${s.id}`).send({ onHold: true, onHoldReason: 'Bereavement' }).expect(200);
    await caseworker
      .put(`/api/supporters/${s.id}`)
      .send({ consents: { contactByEmail: false } })
      .expect(200);
    expect(LinkedRecords.paused).toEqual([
      expect.objectContaining({ supporterId: s.id, reason: 'on_hold', actorId: expect.any(String) }),
      expect.objectContaining({ supporterId: s.id, reason: 'consent_withdrawn', actorId: expect.any(String) }),
    ]);
  });

  it('puts the survivor on hold when the merged record was', async () => {
    const target = await create();
    const source = await create({ onHold: true, onHoldReason: 'Bereavement' });
    const res = await merge(source.id, target.id).expect(200);
    expect(res.body.target).toMatchObject({ onHold: true, onHoldReason: 'Bereavement' });
    expect(LinkedRecords.paused).toEqual([
      expect.objectContaining({ supporterId: target.id, reason: 'on_hold', actorId: expect.any(String) }),
    ]);
  });
});
