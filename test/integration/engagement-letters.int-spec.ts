import type { NestExpressApplication } from '@nestjs/platform-express';
import { inflateSync } from 'node:zlib';
import type { CaseDetail, LetterDraftDto, MpContactDto, MpDetailDto } from '@campaign-desk/contracts';
import { londonDate } from '@campaign-desk/server-core';
import { SupportersService } from '@campaign-desk/server-supporters';
import { caseInProgress, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { binary } from '../support/intake';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

const STORY =
  'My GP referred me urgently in June after a lump was found. Nobody from the hospital called for eleven weeks, and my scan was cancelled twice.';
const SAMPLE_LIKE =
  'I am writing to you as my MP because I am worried about the cancer care I have received. I was diagnosed with bowel cancer in March 2026 and I have been waiting twelve weeks for my treatment to start at St Elsewhere. ' +
  'The delay has had a serious effect on me and my family, and I do not feel that my concerns have been listened to.';
const fieldsOf = (res: { body: { fields?: Record<string, string> } }) => Object.keys(res.body.fields ?? {});
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text a PDF shows: every Flate stream inflated, then the strings of its Tj/TJ operators. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      const hexes = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : [op[2]];
      out.push(hexes.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return squash(out.join(' '));
}

/** The supporter's letter to their MP (DESIGN §1.3), what marking it sent starts, and the MP's response. */
describe('engagement records: letters and responses', () => {
  let env: TestEnv;
  let api: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;
  let counter = 0;

  beforeAll(async () => {
    env = await prepareTestEnv();
    api = await startApi();
    await importDirectory(api);
    caseworker = await signedInAgent(api, 'caseworker');
    viewer = await signedInAgent(api, 'viewer');
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  const newCase = async (): Promise<CaseDetail> => {
    counter++;
    const supporter = await api.get(SupportersService).create(
      {
        name: `Bea Letterwriter ${counter}`,
        email: `bea.${counter}.${Date.now().toString(36)}@example.org`,
        address: '12 Gower Street, London',
        postcode: 'WC1E 6BT',
        consents: { contactByEmail: true, shareWithMp: true, shareWithTrust: false, media: false },
        createAnyway: true,
      },
      { id: null },
    );
    return caseInProgress(caseworker.agent, supporter.id);
  };
  const draft = (caseId: string, body: Record<string, unknown> = {}) =>
    caseworker.agent
      .post(`/api/cases/${caseId}/letter`)
      .send({ asks: ['write_to_trust_ceo', 'meet_supporter'], story: STORY, ...body });

  it('drafts the letter from the template: address, postcode, date, MP’s title and Commons address, story, asks, sign-off', async () => {
    const found = await newCase();
    const mp = (await caseworker.agent.get(`/api/mps/${found.mpId}`).expect(200)).body as MpDetailDto;
    const res = await draft(found.id).expect(201);
    const letter = res.body as LetterDraftDto;
    expect(letter).toMatchObject({
      caseId: found.id,
      mpId: found.mpId,
      status: 'draft',
      templateKey: 'mp_letter',
      templateVersion: 1,
      asks: ['write_to_trust_ceo', 'meet_supporter'],
      warnings: [],
    });
    const body = letter.body ?? '';
    for (const part of [
      found.supporterName,
      '12 Gower Street, London',
      'WC1E 6BT',
      mp.fullTitle ?? mp.name,
      'House of Commons',
      'SW1A 0AA',
      STORY,
      'Meet me to talk about my care',
      'Yours sincerely,',
    ]) {
      expect(body).toContain(part);
    }
    expect(body).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(body.indexOf('Yours sincerely,')).toBeLessThan(body.lastIndexOf(found.supporterName ?? ''));
  });

  it('serves the letter as text for email and as an A4 PDF carrying the MP, the postcode and the story', async () => {
    const found = await newCase();
    const mp = (await caseworker.agent.get(`/api/mps/${found.mpId}`).expect(200)).body as MpDetailDto;
    const letter = (await draft(found.id).expect(201)).body as LetterDraftDto;

    const text = await caseworker.agent.get(`/api/cases/${found.id}/letter.txt`).expect(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toBe(letter.body);

    const pdf = await caseworker.agent.get(`/api/cases/${found.id}/letter.pdf`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const shown = pdfText(bytes);
    for (const part of [mp.fullTitle ?? mp.name, 'House of Commons', 'SW1A 0AA', 'WC1E 6BT', squash(STORY)])
      expect(shown).toContain(part);

    const audit = await withDb(env.databaseUrl, (db) =>
      db.query(
        `SELECT details->>'format' AS format FROM audit_events WHERE entity_id = $1 AND action = 'letter.exported' ORDER BY id`,
        [found.id],
      ),
    );
    expect(audit.rows.map((r: { format: string }) => r.format)).toEqual(['txt', 'pdf']);
  });

  it('warns when the story is too close to the template’s sample wording', async () => {
    const found = await newCase();
    const letter = (await draft(found.id, { story: SAMPLE_LIKE }).expect(201)).body as LetterDraftDto;
    expect(letter.warnings).toEqual([expect.objectContaining({ code: 'story_too_close_to_sample' })]);
    expect(letter.warnings[0].similarity).toBeGreaterThan(0.5);
  });

  it('takes the story from the case summary when none is given; 400 naming story when there is nothing', async () => {
    const found = await newCase();
    expect(
      fieldsOf(await caseworker.agent.post(`/api/cases/${found.id}/letter`).send({ asks: [] }).expect(400)),
    ).toEqual(['story']);
    await caseworker.agent
      .put(`/api/cases/${found.id}`)
      .send({ summary: 'Waited 14 weeks for radiotherapy to start.' })
      .expect(200);
    const letter = (
      await caseworker.agent
        .post(`/api/cases/${found.id}/letter`)
        .send({ asks: ['raise_with_health_minister'] })
        .expect(201)
    ).body as LetterDraftDto;
    expect(letter.body).toContain('Waited 14 weeks for radiotherapy to start.');
    expect(letter.body).toContain('Raise my case with the health minister');
  });

  it('refuses unknown asks and bad send details, naming the field', async () => {
    const found = await newCase();
    expect(fieldsOf(await draft(found.id, { asks: ['sue_the_trust'] }).expect(400))).toEqual(['asks']);
    await caseworker.agent
      .post(`/api/cases/${found.id}/letter/sent`)
      .send({ channel: 'letter', sentAt: londonDate(new Date()) })
      .expect(404);
    await draft(found.id).expect(201);
    expect(
      fieldsOf(
        await caseworker.agent
          .post(`/api/cases/${found.id}/letter/sent`)
          .send({ channel: 'pigeon', sentAt: londonDate(new Date()) })
          .expect(400),
      ),
    ).toEqual(['channel']);
    expect(
      fieldsOf(
        await caseworker.agent
          .post(`/api/cases/${found.id}/letter/sent`)
          .send({ channel: 'letter', sentAt: '2999-01-01' })
          .expect(400),
      ),
    ).toEqual(['sentAt']);
    expect(
      fieldsOf(
        await caseworker.agent
          .post(`/api/cases/${found.id}/letter/sent`)
          .send({ channel: 'letter', sentAt: '2020-01-01' })
          .expect(400),
      ),
    ).toEqual(['sentAt']);
    expect(await outboxRows(env.databaseUrl, 'case_id = $1', [found.id])).toEqual([]);
  });

  it('marked sent: records the MP contact, which starts the chase plan; the MP’s response stops it', async () => {
    const found = await newCase();
    await draft(found.id).expect(201);
    const sentAt = new Date(Date.now() - 60_000).toISOString();
    const sent = (
      await caseworker.agent.post(`/api/cases/${found.id}/letter/sent`).send({ channel: 'letter', sentAt }).expect(201)
    ).body as LetterDraftDto;
    expect(sent).toMatchObject({ status: 'sent', sentChannel: 'letter', sentAt });
    expect(sent.mpContactId).not.toBeNull();
    await caseworker.agent.post(`/api/cases/${found.id}/letter/sent`).send({ channel: 'letter', sentAt }).expect(409);

    const contacts = (
      await caseworker.agent
        .get('/api/mp-contacts')
        .query({ filter: JSON.stringify({ caseId: found.id }) })
        .expect(200)
    ).body as MpContactDto[];
    expect(contacts).toEqual([
      expect.objectContaining({
        id: sent.mpContactId,
        channel: 'letter',
        direction: 'outbound',
        contactedBy: 'supporter',
        contactedAt: sentAt,
      }),
    ]);
    expect(((await caseworker.agent.get(`/api/cases/${found.id}`).expect(200)).body as CaseDetail).status).toBe(
      'awaiting_mp',
    );
    const plan = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    expect(plan.map((r) => [r.kind, r.status])).toEqual([
      ['supporter_checkin', 'scheduled'],
      ['checkin_reminder', 'scheduled'],
      ['mp_chase', 'scheduled'],
      ['mp_chase', 'scheduled'],
    ]);

    // A response dated before the contact it answers is refused, naming the field; nothing changes.
    const early = await caseworker.agent
      .post(`/api/cases/${found.id}/mp-responses`)
      .send({ kind: 'acknowledgement', receivedAt: new Date(Date.now() - 86_400_000).toISOString() })
      .expect(400);
    expect(fieldsOf(early)).toEqual(['receivedAt']);
    expect((await outboxRows(env.databaseUrl, "case_id = $1 AND status = 'scheduled'", [found.id])).length).toBe(4);

    await caseworker.agent
      .post(`/api/cases/${found.id}/mp-responses`)
      .send({ kind: 'substantive', receivedAt: new Date().toISOString(), summary: 'The MP has written to the trust' })
      .expect(201);
    expect(((await caseworker.agent.get(`/api/cases/${found.id}`).expect(200)).body as CaseDetail).status).toBe(
      'mp_responded',
    );
    const after = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    expect(after.map((r) => [r.status, r.cancel_reason])).toEqual(Array(4).fill(['cancelled', 'mp_responded']));

    const timeline = (await caseworker.agent.get(`/api/cases/${found.id}/timeline`).expect(200)).body as {
      kind: string;
      data: { id: string; status?: string };
    }[];
    expect(timeline.find((e) => e.kind === 'letter')?.data).toMatchObject({ id: sent.id, status: 'sent' });
    expect(timeline.some((e) => e.kind === 'mp_contact' && e.data.id === sent.mpContactId)).toBe(true);
    expect(timeline.some((e) => e.kind === 'mp_response')).toBe(true);
    const audit = await withDb(env.databaseUrl, (db) =>
      db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'letter.%' ORDER BY id`, [
        found.id,
      ]),
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['letter.drafted', 'letter.sent']);
  });

  it('follows the admin’s edits of the mp_letter template (a new version), and previews it on sample data', async () => {
    const admin = await signedInAgent(api, 'admin');
    const current = (await admin.agent.get('/api/templates/mp_letter').expect(200)).body as {
      subject: string;
      body: string;
      version: number;
    };
    const body = current.body.replace('Yours sincerely,', 'With thanks and best wishes,');
    expect(
      (
        (await admin.agent.put('/api/templates/mp_letter').send({ subject: current.subject, body }).expect(200))
          .body as { version: number }
      ).version,
    ).toBe(current.version + 1);
    const preview = (await admin.agent.post('/api/templates/mp_letter/preview').send({}).expect(200)).body as {
      text: string;
    };
    expect(preview.text).toContain('Rt Hon Sam Member MP');
    expect(
      fieldsOf(
        await admin.agent
          .put('/api/templates/mp_letter')
          .send({ subject: current.subject, body: `${body}{{letter.secret}}` })
          .expect(400),
      ),
    ).toEqual(['body']);

    const found = await newCase();
    const letter = (await draft(found.id).expect(201)).body as LetterDraftDto;
    expect(letter.templateVersion).toBe(current.version + 1);
    expect(letter.body).toContain('With thanks and best wishes,');
  });

  it('lets a viewer see that a letter exists, without its text, and nothing more', async () => {
    const found = await newCase();
    await draft(found.id).expect(201);
    const seen = (await viewer.agent.get(`/api/cases/${found.id}/letter`).expect(200)).body as LetterDraftDto;
    expect(seen).toMatchObject({ caseId: found.id, status: 'draft', body: null });
    await viewer.agent.post(`/api/cases/${found.id}/letter`).send({ asks: [], story: STORY }).expect(403);
    await viewer.agent.get(`/api/cases/${found.id}/letter.pdf`).expect(403);
    await viewer.agent.get(`/api/cases/${found.id}/letter.txt`).expect(403);
    await viewer.agent
      .post(`/api/cases/${found.id}/letter/sent`)
      .send({ channel: 'letter', sentAt: londonDate(new Date()) })
      .expect(403);
    const timeline = (await viewer.agent.get(`/api/cases/${found.id}/timeline`).expect(200)).body as {
      kind: string;
      data: { body?: string | null };
    }[];
    expect(timeline.find((e) => e.kind === 'letter')?.data.body).toBeNull();
  });
});
