import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, MeetingDto } from '@campaign-desk/contracts';
import { addWorkingDays, londonDate, londonTime } from '@campaign-desk/server-core';
import { OutboxReconciler } from '@campaign-desk/server-correspondence';
import { caseInProgress, consentingSupporter, makeDue, outboxRows } from '../support/correspondence';
import { importDirectory } from '../support/directory';
import { eventually, startTestSink, type TestSink } from '../support/smtp-sink';
import { prepareTestEnv, signedInAgent, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

const HOUR = 3_600_000;
const fieldsOf = (res: { body: { fields?: Record<string, string> } }) => Object.keys(res.body.fields ?? {});

/** Meetings and surgeries (DESIGN §1.5): checklist, outcome, agreed actions, the thank-you and action chases. */
describe('engagement records: meetings', () => {
  let env: TestEnv;
  let sink: TestSink;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    sink = await startTestSink();
    env = await prepareTestEnv({ SMTP_URL: sink.url, SEND_RETRY_BASE_SECONDS: '1', MAIL_DOMAIN: 'desk.example.org' });
    api = await startApi();
    await importDirectory(api);
    worker = await startWorker();
    caseworker = await signedInAgent(api, 'caseworker');
    viewer = await signedInAgent(api, 'viewer');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink?.close();
  });

  const newCase = async (): Promise<CaseDetail> =>
    caseInProgress(caseworker.agent, (await consentingSupporter(api)).id);
  const inDays = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString();
  const createMeeting = (caseId: string, body: Record<string, unknown> = {}) =>
    caseworker.agent
      .post('/api/meetings')
      .send({ caseId, type: 'in_person', startsAt: inDays(7), location: 'Constituency office', ...body });
  /** A meeting that was upcoming and has now started (moved back in the database, as if the week had passed). */
  const startedMeeting = async (caseId: string): Promise<MeetingDto> => {
    const meeting = (await createMeeting(caseId).expect(201)).body as MeetingDto;
    await withDb(env.databaseUrl, (db) =>
      db.query(`UPDATE meetings SET starts_at = now() - interval '2 hours' WHERE id = $1`, [meeting.id]),
    );
    return meeting;
  };

  it('records an upcoming meeting with the preparation checklist, and sends nothing yet', async () => {
    const found = await newCase();
    const res = await createMeeting(found.id, {
      type: 'virtual',
      location: 'https://meet.example.org/abc',
      attendees: 'Ann, the MP, a caseworker',
      checklist: { keyPointsWrittenDown: true, deviceChargedAndLinkTested: false },
    }).expect(201);
    const meeting = res.body as MeetingDto;
    expect(meeting).toMatchObject({
      caseId: found.id,
      mpId: found.mpId,
      type: 'virtual',
      status: 'upcoming',
      thankYouEmailId: null,
      agreedActions: [],
    });
    expect(meeting.checklist).toEqual({ keyPointsWrittenDown: true, deviceChargedAndLinkTested: false });
    expect(await outboxRows(env.databaseUrl, 'case_id = $1', [found.id])).toEqual([]);
  });

  it('refuses a meeting in the past marked upcoming, naming startsAt', async () => {
    const found = await newCase();
    const res = await createMeeting(found.id, { startsAt: inDays(-1), status: 'upcoming' }).expect(400);
    expect(fieldsOf(res)).toEqual(['startsAt']);
    const moved = (await createMeeting(found.id).expect(201)).body as MeetingDto;
    expect(
      fieldsOf(
        await caseworker.agent
          .put(`/api/meetings/${moved.id}`)
          .send({ ...moved, startsAt: inDays(-2) })
          .expect(400),
      ),
    ).toEqual(['startsAt']);
  });

  it('refuses an action asking for a chase without a due date, naming the field', async () => {
    const found = await newCase();
    const created = await createMeeting(found.id, {
      startsAt: inDays(-1),
      agreedActions: [{ description: 'Write to the CEO', owner: 'mp', chase: true }],
    }).expect(400);
    expect(fieldsOf(created)).toEqual(['agreedActions.0.dueDate']);
    const meeting = await startedMeeting(found.id);
    const held = await caseworker.agent
      .post(`/api/meetings/${meeting.id}/held`)
      .send({
        agreedActions: [
          { description: 'Ok', owner: 'charity' },
          { description: 'Chase me', owner: 'trust', chase: true },
        ],
      })
      .expect(400);
    expect(fieldsOf(held)).toEqual(['agreedActions.1.dueDate']);
    expect(
      fieldsOf(
        await caseworker.agent
          .post(`/api/meetings/${meeting.id}/held`)
          .send({ agreedActions: [{ description: 'x', owner: 'nobody' }] })
          .expect(400),
      ),
    ).toEqual(['agreedActions.0.owner']);
    expect(await outboxRows(env.databaseUrl, 'case_id = $1', [found.id])).toEqual([]);
  });

  it('refuses actions before the meeting is held and /held before it starts', async () => {
    const found = await newCase();
    expect(
      fieldsOf(
        await createMeeting(found.id, { agreedActions: [{ description: 'Too early', owner: 'mp' }] }).expect(400),
      ),
    ).toEqual(['agreedActions']);
    const upcoming = (await createMeeting(found.id).expect(201)).body as MeetingDto;
    expect(
      fieldsOf(
        await caseworker.agent.post(`/api/meetings/${upcoming.id}/held`).send({ agreedActions: [] }).expect(400),
      ),
    ).toEqual(['startsAt']);
  });

  it('held: drafts the thank-you for the next working day listing the actions, and chases each action on its due date', async () => {
    const found = await newCase();
    const meeting = await startedMeeting(found.id);
    const dueDate = addWorkingDays(londonDate(new Date()), 5, 'england_wales');
    const res = await caseworker.agent
      .post(`/api/meetings/${meeting.id}/held`)
      .send({
        notes: 'Good meeting',
        agreedActions: [
          { description: 'Write to the trust CEO about the scan delay', owner: 'mp', dueDate, chase: true },
          { description: 'Send the MP a timeline of appointments', owner: 'charity' },
        ],
      })
      .expect(201);
    const held = res.body as MeetingDto;
    expect(held.status).toBe('held');
    expect(held.notes).toBe('Good meeting');
    expect(held.agreedActions.map((a) => [a.owner, a.dueDate, a.chase])).toEqual([
      ['mp', dueDate, true],
      ['charity', null, false],
    ]);

    const rows = await outboxRows(env.databaseUrl, 'case_id = $1', [found.id]);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['meeting_thank_you', 'draft'],
      ['action_chase', 'scheduled'],
    ]);
    const [thankYou, chase] = rows;
    expect(thankYou.id).toBe(held.thankYouEmailId);
    const startedOn = londonDate(new Date(Date.now() - 2 * HOUR));
    const expectedThankYou = londonTime(addWorkingDays(startedOn, 1, 'england_wales'), 9);
    expect(new Date(thankYou.due_at).toISOString()).toBe(expectedThankYou.toISOString());
    expect(new Date(chase.due_at).toISOString()).toBe(londonTime(dueDate, 9).toISOString());

    // Staff review the draft on the case and approve it; when it goes it lists what was agreed.
    await makeDue(env.databaseUrl, [thankYou.id, chase.id]);
    await caseworker.agent.post(`/api/scheduled-emails/${thankYou.id}/send-now`).expect(409);
    await viewer.agent.post(`/api/scheduled-emails/${thankYou.id}/approve`).expect(403);
    const approved = await caseworker.agent.post(`/api/scheduled-emails/${thankYou.id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ status: 'scheduled', deliveryStatus: 'queued' });
    await caseworker.agent.post(`/api/scheduled-emails/${thankYou.id}/approve`).expect(409);
    await caseworker.agent.post(`/api/scheduled-emails/${chase.id}/approve`).expect(409);
    await caseworker.agent.post(`/api/scheduled-emails/${chase.id}/send-now`).expect(200);
    const sent = await eventually(async () => {
      const done = await outboxRows(env.databaseUrl, "case_id = $1 AND status = 'sent'", [found.id]);
      return done.length === 2 ? done : undefined;
    });
    const texts = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(`SELECT id, text_body FROM messages WHERE id = ANY($1::uuid[])`, [
            sent.map((r) => r.message_id),
          ])
        ).rows as { id: string; text_body: string }[],
    );
    const textOf = (kind: string) =>
      texts.find((t) => t.id === sent.find((r) => r.kind === kind)?.message_id)?.text_body ?? '';
    expect(textOf('meeting_thank_you')).toContain('- Write to the trust CEO about the scan delay (the MP, by ');
    expect(textOf('meeting_thank_you')).toContain('- Send the MP a timeline of appointments (the charity)');
    expect(textOf('action_chase')).toContain('the MP would: Write to the trust CEO about the scan delay by ');

    // Once only; the timeline shows the meeting, its actions and the emails.
    await caseworker.agent.post(`/api/meetings/${meeting.id}/held`).send({ agreedActions: [] }).expect(409);
    const timeline = (await caseworker.agent.get(`/api/cases/${found.id}/timeline`).expect(200)).body as {
      kind: string;
      data: { id: string };
    }[];
    expect(timeline.filter((e) => e.kind === 'meeting').map((e) => e.data.id)).toEqual([meeting.id]);
    expect(timeline.filter((e) => e.kind === 'agreed_action')).toHaveLength(2);
    expect(
      timeline
        .filter((e) => e.kind === 'scheduled_email')
        .map((e) => e.data.id)
        .sort(),
    ).toEqual([thankYou.id, chase.id].sort());
    const audit = await withDb(env.databaseUrl, (db) =>
      db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'meeting.%' ORDER BY id`, [
        found.id,
      ]),
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(['meeting.recorded', 'meeting.held']);
    const approval = await withDb(env.databaseUrl, (db) =>
      db.query(
        `SELECT actor_id, details FROM audit_events WHERE entity_id = $1 AND action = 'scheduled_email.approved'`,
        [thankYou.id],
      ),
    );
    expect(approval.rows).toEqual([
      { actor_id: caseworker.user.id, details: expect.objectContaining({ from: 'draft', to: 'scheduled' }) },
    ]);
  });

  it('a past meeting recorded late: the thank-you waits as a draft that neither the worker nor the reconciler sends; cancel works on it', async () => {
    const found = await newCase();
    const meeting = (
      await createMeeting(found.id, {
        startsAt: inDays(-10),
        agreedActions: [{ description: 'Table a written question', owner: 'mp' }],
      }).expect(201)
    ).body as MeetingDto;
    const [draft] = await outboxRows(env.databaseUrl, 'id = $1', [meeting.thankYouEmailId]);
    // Due now (the next working day after the meeting has passed), yet a draft: nothing takes it.
    expect(draft.status).toBe('draft');
    expect(new Date(draft.due_at).getTime()).toBeLessThan(Date.now() + 8 * 24 * HOUR);
    await makeDue(env.databaseUrl, [draft.id]);
    const report = await worker.get(OutboxReconciler).reconcile();
    expect(report.requeued).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(sink.byMessageId(draft.rfc_message_id)).toHaveLength(0);
    const [still] = await outboxRows(env.databaseUrl, 'id = $1', [draft.id]);
    expect([still.status, still.attempts]).toEqual(['draft', 0]);
    const shown = (await caseworker.agent.get(`/api/scheduled-emails/${draft.id}`).expect(200)).body;
    expect(shown).toMatchObject({ status: 'draft', deliveryStatus: 'draft' });
    expect(
      (
        await caseworker.agent
          .get('/api/scheduled-emails')
          .query({ filter: JSON.stringify({ caseId: found.id, status: 'draft' }) })
          .expect(200)
      ).body.map((r: { id: string }) => r.id),
    ).toEqual([draft.id]);
    await caseworker.agent
      .put(`/api/scheduled-emails/${draft.id}`)
      .send({ dueAt: inDays(1) })
      .expect(409);

    await caseworker.agent.post(`/api/scheduled-emails/${draft.id}/cancel`).expect(200);
    const [cancelled] = await outboxRows(env.databaseUrl, 'id = $1', [draft.id]);
    expect([cancelled.status, cancelled.cancel_reason]).toEqual(['cancelled', 'staff']);
    await caseworker.agent.post(`/api/scheduled-emails/${draft.id}/approve`).expect(409);
  });

  it("closing the case cancels a draft thank-you with the case's other pending mail", async () => {
    const found = await newCase();
    const meeting = (await createMeeting(found.id, { startsAt: inDays(-1) }).expect(201)).body as MeetingDto;
    await caseworker.agent
      .post(`/api/cases/${found.id}/transition`)
      .send({ to: 'closed', outcome: 'resolved' })
      .expect(200);
    const [row] = await outboxRows(env.databaseUrl, 'id = $1', [meeting.thankYouEmailId]);
    expect([row.status, row.cancel_reason]).toEqual(['cancelled', 'case_closed']);
  });

  it('records a past meeting as held in one call, with its follow-ups', async () => {
    const found = await newCase();
    const res = await createMeeting(found.id, {
      type: 'surgery',
      startsAt: inDays(-1),
      agreedActions: [{ description: 'Table a written question', owner: 'mp' }],
    }).expect(201);
    const meeting = res.body as MeetingDto;
    expect(meeting.status).toBe('held');
    expect(meeting.thankYouEmailId).not.toBeNull();
    expect((await outboxRows(env.databaseUrl, 'case_id = $1', [found.id])).map((r) => r.kind)).toEqual([
      'meeting_thank_you',
    ]);
  });

  it('chases an action with a due date unless told not to; marking it done cancels its chase', async () => {
    const found = await newCase();
    const dueDate = addWorkingDays(londonDate(new Date()), 3, 'england_wales');
    const meeting = (
      await createMeeting(found.id, {
        // An hour ago, so its thank-you (09:00 the next working day) is still to come at any time of day.
        startsAt: new Date(Date.now() - HOUR).toISOString(),
        agreedActions: [
          { description: 'Ask a written question', owner: 'mp', dueDate },
          { description: 'Send the discharge letter', owner: 'supporter', dueDate, chase: false },
        ],
      }).expect(201)
    ).body as MeetingDto;
    expect(meeting.agreedActions.map((a) => a.chase)).toEqual([true, false]);
    const chases = await outboxRows(env.databaseUrl, "case_id = $1 AND kind = 'action_chase'", [found.id]);
    expect(chases).toHaveLength(1);

    const [chased] = meeting.agreedActions;
    await viewer.agent.post(`/api/meetings/${meeting.id}/actions/${chased.id}/done`).expect(403);
    await caseworker.agent
      .post(`/api/meetings/${meeting.id}/actions/00000000-0000-4000-8000-000000000000/done`)
      .expect(404);
    const done = (await caseworker.agent.post(`/api/meetings/${meeting.id}/actions/${chased.id}/done`).expect(201))
      .body as MeetingDto;
    expect(done.agreedActions[0].doneAt).not.toBeNull();
    await caseworker.agent.post(`/api/meetings/${meeting.id}/actions/${chased.id}/done`).expect(201);
    const [cancelled] = await outboxRows(env.databaseUrl, 'id = $1', [chases[0].id]);
    expect([cancelled.status, cancelled.cancel_reason]).toEqual(['cancelled', 'staff']);
    expect(
      (await outboxRows(env.databaseUrl, "case_id = $1 AND kind = 'meeting_thank_you'", [found.id]))[0].status,
    ).toBe('draft');
  });

  it('updates details and cancels; a held meeting keeps its status', async () => {
    const found = await newCase();
    const meeting = (await createMeeting(found.id).expect(201)).body as MeetingDto;
    const updated = (
      await caseworker.agent
        .put(`/api/meetings/${meeting.id}`)
        .send({ ...meeting, location: 'Town hall', checklist: { travelTimePlanned: true } })
        .expect(200)
    ).body as MeetingDto;
    expect(updated).toMatchObject({
      location: 'Town hall',
      checklist: { travelTimePlanned: true },
      status: 'upcoming',
    });
    expect(
      (await caseworker.agent.put(`/api/meetings/${meeting.id}`).send({ status: 'cancelled' }).expect(200)).body.status,
    ).toBe('cancelled');
    await caseworker.agent.post(`/api/meetings/${meeting.id}/held`).send({ agreedActions: [] }).expect(409);
    expect(
      fieldsOf(await caseworker.agent.put(`/api/meetings/${meeting.id}`).send({ status: 'held' }).expect(400)),
    ).toEqual(['status']);
    expect(
      fieldsOf(
        await caseworker.agent
          .put(`/api/meetings/${meeting.id}`)
          .send({ checklist: { brought: true } })
          .expect(400),
      ),
    ).toEqual(['checklist.brought']);
  });

  it('lists with whitelisted filters; viewers read without notes or actions and cannot write', async () => {
    const found = await newCase();
    await createMeeting(found.id, {
      startsAt: inDays(-1),
      notes: 'Private notes',
      agreedActions: [{ description: 'Something', owner: 'trust' }],
    }).expect(201);
    await createMeeting(found.id).expect(201);
    const list = await caseworker.agent
      .get('/api/meetings')
      .query({ filter: JSON.stringify({ caseId: found.id, status: 'held' }) })
      .expect(200);
    expect((list.body as MeetingDto[]).map((m) => m.notes)).toEqual(['Private notes']);
    expect(list.headers['content-range']).toBe('meetings 0-0/1');
    await caseworker.agent
      .get('/api/meetings')
      .query({ filter: JSON.stringify({ notes: 'x' }) })
      .expect(400);
    await caseworker.agent
      .get('/api/meetings')
      .query({ filter: JSON.stringify({ status: 'maybe' }) })
      .expect(400);

    const seen = (
      await viewer.agent
        .get('/api/meetings')
        .query({ filter: JSON.stringify({ caseId: found.id }) })
        .expect(200)
    ).body as MeetingDto[];
    expect(seen).toHaveLength(2);
    expect(seen.every((m) => m.notes === null && m.agreedActions.length === 0)).toBe(true);
    await viewer.agent
      .post('/api/meetings')
      .send({ caseId: found.id, type: 'in_person', startsAt: inDays(3) })
      .expect(403);
    await viewer.agent.put(`/api/meetings/${seen[0].id}`).send({ location: 'x' }).expect(403);
    await viewer.agent.post(`/api/meetings/${seen[0].id}/held`).send({ agreedActions: [] }).expect(403);
    const timeline = (await viewer.agent.get(`/api/cases/${found.id}/timeline`).expect(200)).body as { kind: string }[];
    expect(timeline.some((e) => e.kind === 'meeting')).toBe(true);
    expect(timeline.some((e) => e.kind === 'agreed_action')).toBe(false);
  });
});
