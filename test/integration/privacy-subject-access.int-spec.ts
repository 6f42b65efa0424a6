import { unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import type { SubjectAccessRequestDto } from '@campaign-desk/contracts';
import { binary } from '../support/intake';
import { markersIn, seedSubject, startPrivacyEnv, type PrivacyEnv, type Subject } from '../support/privacy';
import { withDb } from '../support/test-database';

/** Subject access (issue 12, DESIGN §10.5): the tracker, and the export of everything held. */
describe('privacy: subject access', () => {
  let ctx: PrivacyEnv;
  let subject: Subject;

  beforeAll(async () => {
    ctx = await startPrivacyEnv();
    subject = await seedSubject(ctx);
  }, 120_000);
  afterAll(() => ctx?.close());

  const exportOf = async (id: string) => {
    const res = await ctx.admin.agent
      .get(`/api/supporters/${id}/subject-access-export`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    return unzipSync(new Uint8Array(res.body as Buffer));
  };

  it('exports every marker, the emails and attachments as files, a PDF, and who read the case; audited', async () => {
    // A read of the case, so the access log has something to show.
    await ctx.caseworker.agent.get(`/api/cases/${subject.caseId}`).expect(200);
    const files = await exportOf(subject.supporter.id);
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining([
        'supporter.json',
        'cases.json',
        'messages.json',
        'letters.json',
        'case-notes.json',
        'meetings.json',
        'scheduled-emails.json',
        'consents.json',
        'access-log.json',
        'summary.pdf',
      ]),
    );
    expect(names.filter((n) => n.startsWith('emails/'))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('attachments/'))).toHaveLength(1);
    expect(Buffer.from(files['summary.pdf']).subarray(0, 5).toString()).toBe('%PDF-');

    const text = names
      .filter((n) => n !== 'summary.pdf')
      .map((n) => `${n}\n${Buffer.from(files[n]).toString('utf8')}`)
      .join('\n');
    expect(markersIn(text, subject.markers)).toEqual(Object.keys(subject.markers));

    const log = JSON.parse(Buffer.from(files['access-log.json']).toString()) as {
      action: string;
      actorId: string | null;
      actorName: string | null;
    }[];
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'case.read',
          actorId: ctx.caseworker.user.id,
          actorName: expect.any(String),
        }),
      ]),
    );
    const audited = await withDb(ctx.env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT actor_id FROM audit_events WHERE action = 'supporter.subject_access_exported' AND entity_id = $1`,
        [subject.supporter.id],
      );
      return rows.map((r) => r.actor_id as string);
    });
    expect(audited).toEqual([ctx.admin.user.id]);
  });

  it('is for admins only, and 404 for an unknown supporter', async () => {
    await ctx.caseworker.agent.get(`/api/supporters/${subject.supporter.id}/subject-access-export`).expect(403);
    await ctx.admin.agent.get(`/api/supporters/${randomUUID()}/subject-access-export`).expect(404);
  });

  it('tracks requests: due one calendar month after receipt, listed with Content-Range, edited by react-admin', async () => {
    const created = await ctx.admin.agent
      .post('/api/subject-access-requests')
      .send({ supporterId: subject.supporter.id, receivedAt: '2026-01-31T10:00:00.000Z', notes: 'By letter' })
      .expect(201);
    const request = created.body as SubjectAccessRequestDto;
    expect(request).toMatchObject({
      supporterId: subject.supporter.id,
      receivedAt: '2026-01-31T10:00:00.000Z',
      dueAt: '2026-02-28T10:00:00.000Z',
      status: 'received',
      handledById: null,
      notes: 'By letter',
    });

    const list = await ctx.admin.agent
      .get('/api/subject-access-requests')
      .query({ filter: JSON.stringify({ supporterId: subject.supporter.id }), range: '[0,9]' })
      .expect(200);
    expect(list.headers['content-range']).toBe('subject-access-requests 0-0/1');
    expect((list.body as SubjectAccessRequestDto[]).map((r) => r.id)).toEqual([request.id]);

    // react-admin sends the whole record back.
    const updated = await ctx.admin.agent
      .put(`/api/subject-access-requests/${request.id}`)
      .send({
        ...request,
        status: 'in_progress',
        handledById: ctx.admin.user.id,
        receivedAt: '2026-03-14T09:00:00.000Z',
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      status: 'in_progress',
      handledById: ctx.admin.user.id,
      dueAt: '2026-04-14T09:00:00.000Z',
    });
    expect((await ctx.admin.agent.get(`/api/subject-access-requests/${request.id}`).expect(200)).body).toEqual(
      updated.body,
    );
  });

  it('refuses bad input naming the field, and anyone but an admin', async () => {
    const fields = async (body: Record<string, unknown>) =>
      Object.keys(
        (await ctx.admin.agent.post('/api/subject-access-requests').send(body).expect(400)).body.fields ?? {},
      );
    expect(await fields({})).toEqual(['supporterId']);
    expect(await fields({ supporterId: randomUUID() })).toEqual(['supporterId']);
    expect(await fields({ supporterId: subject.supporter.id, status: 'lost' })).toEqual(['status']);
    expect(await fields({ supporterId: subject.supporter.id, receivedAt: 'yesterday' })).toEqual(['receivedAt']);
    const bad = await ctx.admin.agent
      .get('/api/subject-access-requests')
      .query({ filter: JSON.stringify({ status: 'lost' }) })
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['filter']);
    await ctx.caseworker.agent.get('/api/subject-access-requests').expect(403);
    await ctx.caseworker.agent
      .post('/api/subject-access-requests')
      .send({ supporterId: subject.supporter.id })
      .expect(403);
    await ctx.admin.agent.get(`/api/subject-access-requests/${randomUUID()}`).expect(404);
  });
});
