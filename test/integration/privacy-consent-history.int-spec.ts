import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { ConsentChangeDto, SupporterDto } from '@campaign-desk/contracts';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent, startApi } from '../support/test-app';

/** Consent history (issue 12, DESIGN §10.5): every change of a consent is a row: old → new, who, how, wording. */
describe('privacy: consent history', () => {
  let api: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let admin: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    await prepareTestEnv();
    api = await startApi();
    await importDirectory(api);
    caseworker = await signedInAgent(api, 'caseworker');
    admin = await signedInAgent(api, 'admin');
    viewer = await signedInAgent(api, 'viewer');
  }, 90_000);
  afterAll(() => api?.close());

  const history = async (id: string) =>
    ((await caseworker.agent.get(`/api/supporters/${id}/consent-history`).expect(200)).body as ConsentChangeDto[]).map(
      (c) => [c.consent, c.oldValue, c.newValue, c.method, c.wordingVersion, c.changedByName],
    );

  it('records each consent given at creation, then each change, with who, how and the wording version', async () => {
    const created = await caseworker.agent
      .post('/api/supporters')
      .send({
        name: 'Clara Consent',
        email: `clara.${Date.now()}@example.org`,
        postcode: 'WC1E 6BT',
        consents: { contactByEmail: true, shareWithMp: false },
        consentMethod: 'online_form',
        consentWordingVersion: 'v3',
      })
      .expect(201);
    const supporter = created.body as SupporterDto;
    const name = caseworker.user.name;
    expect(await history(supporter.id)).toEqual([
      ['contactByEmail', null, true, 'online_form', 'v3', name],
      ['shareWithMp', null, false, 'online_form', 'v3', name],
    ]);

    // react-admin sends the whole record back: only the consent that changes is a new row.
    await admin.agent
      .put(`/api/supporters/${supporter.id}`)
      .send({ ...supporter, consents: { ...supporter.consents, shareWithMp: true }, consentMethod: 'phone' })
      .expect(200);
    await admin.agent
      .put(`/api/supporters/${supporter.id}`)
      .send({ consents: { shareWithMp: true } })
      .expect(200);
    const rows = await history(supporter.id);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['shareWithMp', false, true, 'phone', null, admin.user.name]);

    const withdrawn = await caseworker.agent
      .put(`/api/supporters/${supporter.id}`)
      .send({ consents: { contactByEmail: false } })
      .expect(200);
    expect((withdrawn.body as SupporterDto).consents.contactByEmail).toBe(false);
    expect((await history(supporter.id))[0]).toEqual(['contactByEmail', true, false, 'staff_entry', null, name]);
  });

  it('refuses an unknown method naming the field; viewers cannot read it; 404 for an unknown supporter', async () => {
    const res = await caseworker.agent
      .post('/api/supporters')
      .send({
        name: 'Bad Method',
        email: 'bad.method@example.org',
        postcode: 'WC1E 6BT',
        consentMethod: 'carrier_pigeon',
      })
      .expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['consentMethod']);
    const created = await caseworker.agent
      .post('/api/supporters')
      .send({ name: 'Vera Hidden', email: `vera.${Date.now()}@example.org`, postcode: 'WC1E 6BT' })
      .expect(201);
    await viewer.agent.get(`/api/supporters/${created.body.id}/consent-history`).expect(403);
    await caseworker.agent.get(`/api/supporters/${randomUUID()}/consent-history`).expect(404);
    expect(await history(created.body.id)).toEqual([]);
  });
});
