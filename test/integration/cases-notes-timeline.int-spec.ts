import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, CaseNoteDto, SupporterDto, TimelineEntry } from '@campaign-desk/contracts';
import { MessagesService } from '@campaign-desk/server-intake';
import { createSupporter, postCase, startCasesApi, TestClock } from '../support/cases';
import { importDirectory } from '../support/directory';
import { uniqueId } from '../support/intake';
import { prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('cases: notes and the timeline', () => {
  const clock = new TestClock();
  let env: TestEnv;
  let app: NestExpressApplication;
  let alice: Awaited<ReturnType<typeof signedInAgent>>;
  let bob: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;
  let supporter: SupporterDto;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startCasesApi(clock);
    await importDirectory(app);
    alice = await signedInAgent(app, 'caseworker');
    bob = await signedInAgent(app, 'caseworker');
    viewer = await signedInAgent(app, 'viewer');
    supporter = await createSupporter(app);
  }, 90_000);
  afterAll(() => app?.close());
  afterEach(() => clock.set(null));

  const newCase = async () => (await postCase(alice.agent, supporter.id).expect(201)).body as CaseDetail;
  const addNote = async (caseId: string, body: string, agent = alice.agent) =>
    (await agent.post(`/api/cases/${caseId}/notes`).send({ body }).expect(201)).body as CaseNoteDto;
  const audits = (caseId: string, action: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT actor_id, details FROM audit_events WHERE entity_id = $1 AND action = $2 ORDER BY id`,
            [caseId, action],
          )
        ).rows,
    );

  describe('notes', () => {
    it('keeps plain text with its line breaks, with author and time, audited without the text', async () => {
      const c = await newCase();
      const note = await addNote(c.id, '  Rang the ward.\r\nNo answer; will try again.\n\n- A  ');
      expect(note).toMatchObject({
        caseId: c.id,
        authorId: alice.user.id,
        body: 'Rang the ward.\nNo answer; will try again.\n\n- A',
        editedAt: null,
      });
      expect(new Date(note.editableUntil).getTime() - new Date(note.createdAt).getTime()).toBe(15 * 60_000);
      const rows = await audits(c.id, 'case.note_added');
      expect(rows).toEqual([{ actor_id: alice.user.id, details: { noteId: note.id } }]);
      expect(JSON.stringify(rows)).not.toContain('ward');
    });

    it('lets the author edit within 15 minutes, then never', async () => {
      clock.set('2026-11-23T10:00:00Z');
      const c = await newCase();
      const note = await addNote(c.id, 'first');
      clock.set('2026-11-23T10:14:59Z');
      const edited = (await alice.agent.put(`/api/cases/${c.id}/notes/${note.id}`).send({ body: 'second' }).expect(200))
        .body as CaseNoteDto;
      expect(edited).toMatchObject({ body: 'second', editedAt: '2026-11-23T10:14:59.000Z' });
      expect(await audits(c.id, 'case.note_edited')).toEqual([
        { actor_id: alice.user.id, details: { noteId: note.id } },
      ]);
      clock.set('2026-11-23T10:15:01Z');
      const late = await alice.agent.put(`/api/cases/${c.id}/notes/${note.id}`).send({ body: 'third' }).expect(403);
      expect(late.body.message).toContain('15 minutes');
      const timeline = await alice.agent
        .get(`/api/cases/${c.id}/timeline`)
        .query({ filter: JSON.stringify({ kind: 'note' }) })
        .expect(200);
      expect(timeline.body[0].data.body).toBe('second');
    });

    it("refuses to edit someone else's note (403), even within the window, and even for an admin", async () => {
      const c = await newCase();
      const note = await addNote(c.id, 'mine');
      const res = await bob.agent.put(`/api/cases/${c.id}/notes/${note.id}`).send({ body: 'hijacked' }).expect(403);
      expect(res.body.message).toContain('author');
      const admin = await signedInAgent(app, 'admin');
      await admin.agent.put(`/api/cases/${c.id}/notes/${note.id}`).send({ body: 'hijacked' }).expect(403);
      await viewer.agent.put(`/api/cases/${c.id}/notes/${note.id}`).send({ body: 'hijacked' }).expect(403);
    });

    it('answers 400 for a blank, missing, too long or extra-field body and 404 for unknown notes and cases', async () => {
      const c = await newCase();
      expect(
        (await alice.agent.post(`/api/cases/${c.id}/notes`).send({ body: ' \n ' }).expect(400)).body.fields,
      ).toHaveProperty('body');
      expect((await alice.agent.post(`/api/cases/${c.id}/notes`).send({}).expect(400)).body.fields).toHaveProperty(
        'body',
      );
      expect(
        (
          await alice.agent
            .post(`/api/cases/${c.id}/notes`)
            .send({ body: 'x'.repeat(20_001) })
            .expect(400)
        ).body.fields,
      ).toHaveProperty('body');
      expect(
        (await alice.agent.post(`/api/cases/${c.id}/notes`).send({ body: 'ok', html: '<b>' }).expect(400)).body.fields,
      ).toHaveProperty('html');
      await alice.agent.post('/api/cases/00000000-0000-4000-8000-000000000000/notes').send({ body: 'x' }).expect(404);
      await alice.agent
        .put(`/api/cases/${c.id}/notes/00000000-0000-4000-8000-000000000000`)
        .send({ body: 'x' })
        .expect(404);
      await alice.agent.put(`/api/cases/${c.id}/notes/nope`).send({ body: 'x' }).expect(404);
      const other = await newCase();
      const note = await addNote(other.id, 'elsewhere');
      await alice.agent.put(`/api/cases/${c.id}/notes/${note.id}`).send({ body: 'x' }).expect(404);
    });
  });

  describe('timeline', () => {
    let c: CaseDetail;
    let messageId: string;

    beforeAll(async () => {
      clock.set('2026-11-20T09:00:00Z');
      c = await newCase();
      clock.set('2026-11-20T09:05:00Z');
      await alice.agent.post(`/api/cases/${c.id}/assign`).send({ assigneeId: alice.user.id }).expect(200);
      clock.set('2026-11-20T09:10:00Z');
      await addNote(c.id, 'Spoke to Sam: surgery cancelled twice');
      clock.set('2026-11-20T09:15:00Z');
      await alice.agent.post(`/api/cases/${c.id}/transition`).send({ to: 'triaged' }).expect(200);
      messageId = await app.get(MessagesService).recordOutbound({
        rfcMessageId: uniqueId('out'),
        caseId: c.id,
        fromAddress: 'campaigns@campaign-desk.local',
        to: [{ name: 'Sam', address: 'sam@example.org' }],
        subject: `Your surgery [${c.reference}]`,
        text: 'We are writing to your MP about the cancelled surgery.',
        sentAt: new Date('2026-11-20T09:20:00Z'),
      });
      clock.set(null);
    });

    it('merges messages, notes, status changes and assignments, newest first', async () => {
      const res = await alice.agent.get(`/api/cases/${c.id}/timeline`).expect(200);
      const entries = res.body as TimelineEntry[];
      expect(entries.map((e) => e.kind)).toEqual(['message', 'status_change', 'note', 'assignment', 'status_change']);
      expect(entries[0]).toMatchObject({
        id: `message:${messageId}`,
        at: '2026-11-20T09:20:00.000Z',
        data: { direction: 'out', subject: `Your surgery [${c.reference}]` },
      });
      expect(entries[1].data).toMatchObject({ from: 'new', to: 'triaged' });
      expect(entries[2]).toMatchObject({
        kind: 'note',
        actorId: alice.user.id,
        data: { body: 'Spoke to Sam: surgery cancelled twice' },
      });
      expect(entries[3].data).toMatchObject({ fromAssigneeId: null, toAssigneeId: alice.user.id, method: 'manual' });
      expect(entries[4]).toMatchObject({ at: '2026-11-20T09:00:00.000Z', data: { from: null, to: 'new' } });
      expect(res.headers['content-range']).toBe('timeline 0-4/5');
    });

    it('pages with Content-Range', async () => {
      const page = await alice.agent.get(`/api/cases/${c.id}/timeline`).query({ range: '[1,2]' }).expect(200);
      expect(page.body.map((e: TimelineEntry) => e.kind)).toEqual(['status_change', 'note']);
      expect(page.headers['content-range']).toBe('timeline 1-2/5');
      const past = await alice.agent.get(`/api/cases/${c.id}/timeline`).query({ range: '[10,19]' }).expect(200);
      expect(past.body).toEqual([]);
    });

    it('gives viewers the timeline without note or message bodies, and audits every read', async () => {
      const res = await viewer.agent.get(`/api/cases/${c.id}/timeline`).expect(200);
      const entries = res.body as TimelineEntry[];
      expect(entries).toHaveLength(5);
      expect(JSON.stringify(entries)).not.toContain('surgery');
      expect(entries.find((e) => e.kind === 'note')?.data).toMatchObject({ body: null, authorId: alice.user.id });
      expect(entries.find((e) => e.kind === 'message')?.data).toMatchObject({ subject: null, snippet: null });
      const reads = await audits(c.id, 'case.timeline_read');
      expect(reads.map((r) => [r.actor_id, r.details.redacted])).toContainEqual([viewer.user.id, true]);
      expect(reads.map((r) => [r.actor_id, r.details.redacted])).toContainEqual([alice.user.id, false]);
    });

    it('answers 400 for an unknown kind, an ascending sort or a range too deep, and 404 for an unknown case', async () => {
      expect(
        (await alice.agent.get(`/api/cases/${c.id}/timeline`).query({ filter: '{"kind":"gossip"}' }).expect(400)).body
          .fields,
      ).toHaveProperty('filter');
      expect(
        (await alice.agent.get(`/api/cases/${c.id}/timeline`).query({ filter: '{"author":"x"}' }).expect(400)).body
          .fields,
      ).toHaveProperty('filter');
      expect(
        (await alice.agent.get(`/api/cases/${c.id}/timeline`).query({ sort: '["at","ASC"]' }).expect(400)).body.fields,
      ).toHaveProperty('sort');
      expect(
        (await alice.agent.get(`/api/cases/${c.id}/timeline`).query({ range: '[5000,5049]' }).expect(400)).body.fields,
      ).toHaveProperty('range');
      await alice.agent.get('/api/cases/00000000-0000-4000-8000-000000000000/timeline').expect(404);
    });
  });
});
