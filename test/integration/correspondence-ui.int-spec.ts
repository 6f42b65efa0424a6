import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ComposedEmailPreview } from '@campaign-desk/contracts';
import { caseInProgress, consentingSupporter, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';

/** `POST /api/cases/:id/email-preview`: the dashboard shows what a reply or MP email will say before it is queued. */
describe('correspondence: previewing an email composed from the case', () => {
  let env: TestEnv;
  let api: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    env = await prepareTestEnv({ MAIL_DOMAIN: 'desk.example.org' });
    api = await startApi();
    await importDirectory(api);
    caseworker = await signedInAgent(api, 'caseworker');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const caseFor = async (over: Parameters<typeof consentingSupporter>[1] = {}) =>
    caseInProgress(caseworker.agent, (await consentingSupporter(api, over)).id);

  it('renders the reply template from the case, with [CD-n] in the subject, and writes nothing', async () => {
    const found = await caseFor();
    const res = await caseworker.agent
      .post(`/api/cases/${found.id}/email-preview`)
      .send({ kind: 'reply', templateKey: 'reply' })
      .expect(200);
    const preview = res.body as ComposedEmailPreview;
    const firstName = (found.supporterName ?? '').split(' ')[0];
    expect(preview.subject).toBe(`Your case with the campaigns team [${found.reference}]`);
    expect(preview.body).toContain(`Dear ${firstName},`);
    expect(preview.body).toContain('Test caseworker');
    expect(preview).toMatchObject({ templateKey: 'reply', templateVersion: 1 });
    expect(await outboxRows(env.databaseUrl, 'case_id = $1', [found.id])).toEqual([]);
  });

  it('renders the MP email with the MP of the case, and free text with the subject and body as given', async () => {
    const found = await caseFor();
    const mp = (
      await caseworker.agent
        .post(`/api/cases/${found.id}/email-preview`)
        .send({ kind: 'mp_email', templateKey: 'mp_email' })
        .expect(200)
    ).body as ComposedEmailPreview;
    expect(mp.subject).toBe(`Your constituent ${found.supporterName} [${found.reference}]`);
    expect(mp.body).toContain(`Dear ${found.mpName},`);

    const free = (
      await caseworker.agent
        .post(`/api/cases/${found.id}/email-preview`)
        .send({ kind: 'reply', subject: 'Your letter', body: 'Plain words.' })
        .expect(200)
    ).body as ComposedEmailPreview;
    expect(free).toEqual({
      subject: `Your letter [${found.reference}]`,
      body: 'Plain words.',
      templateKey: null,
      templateVersion: null,
    });
  });

  it('answers the same refusals as sending would, naming the field', async () => {
    const found = await caseFor();
    const preview = (body: object) => caseworker.agent.post(`/api/cases/${found.id}/email-preview`).send(body);
    expect((await preview({ templateKey: 'reply' }).expect(400)).body.fields).toEqual({
      kind: expect.stringContaining('kind must be one of reply, mp_email'),
    });
    expect((await preview({ kind: 'mp_chase', templateKey: 'reply' }).expect(400)).body.fields).toEqual({
      kind: expect.stringContaining('kind must be one of'),
    });
    expect((await preview({ kind: 'reply' }).expect(400)).body.fields).toEqual({
      body: 'is required (or give a templateKey)',
    });
    expect((await preview({ kind: 'reply', templateKey: 'no_such_template' }).expect(400)).body.fields).toEqual({
      templateKey: 'is not a template',
    });
    expect((await preview({ kind: 'reply', subject: 'two\nlines', body: 'x' }).expect(400)).body.fields).toEqual({
      subject: expect.stringContaining('subject must be one line'),
    });

    const noConsent = await caseFor({ consents: { shareWithMp: false } });
    const refused = await caseworker.agent
      .post(`/api/cases/${noConsent.id}/email-preview`)
      .send({ kind: 'mp_email', templateKey: 'mp_email' })
      .expect(409);
    expect(refused.body.message).toMatch(/not consented/);
    await caseworker.agent
      .post('/api/cases/00000000-0000-4000-8000-000000000000/email-preview')
      .send({ kind: 'reply', body: 'x' })
      .expect(404);
  });

  it('is for staff who send: viewers are refused and anonymous callers must sign in', async () => {
    const found = await caseFor();
    const viewer = await signedInAgent(api, 'viewer');
    await viewer.agent
      .post(`/api/cases/${found.id}/email-preview`)
      .send({ kind: 'reply', templateKey: 'reply' })
      .expect(403);
    const { default: request } = await import('supertest');
    await request(api.getHttpServer())
      .post(`/api/cases/${found.id}/email-preview`)
      .send({ kind: 'reply', templateKey: 'reply' })
      .expect(401);
  });
});
