import { Injectable } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, CaseStatus, DomainEventPayloads, SupporterDto } from '@campaign-desk/contracts';
import { OnDomainEvent } from '@campaign-desk/server-core';
import { MessagesService } from '@campaign-desk/server-intake';
import { createSupporter, postCase, startCasesApi } from '../support/cases';
import { importDirectory } from '../support/directory';
import { uniqueId } from '../support/intake';
import { prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

const statusEvents: DomainEventPayloads['case.status_changed'][] = [];

@Injectable()
class StatusEventRecorder {
  @OnDomainEvent('case.status_changed')
  async record(payload: DomainEventPayloads['case.status_changed']): Promise<void> {
    statusEvents.push(payload);
  }
}

describe('cases: the workflow', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  let supporter: SupporterDto;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startCasesApi(undefined, [StatusEventRecorder]);
    await importDirectory(app);
    caseworker = await signedInAgent(app, 'caseworker');
    supporter = await createSupporter(app);
  }, 90_000);
  afterAll(() => app?.close());

  const newCase = async () => (await postCase(caseworker.agent, supporter.id).expect(201)).body as CaseDetail;
  const move = (id: string, body: Record<string, unknown>) =>
    caseworker.agent.post(`/api/cases/${id}/transition`).send(body);
  const walk = async (id: string, path: CaseStatus[]) => {
    for (const to of path) await move(id, { to }).expect(200);
  };
  const history = (id: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT from_status, to_status, outcome FROM case_status_changes WHERE case_id = $1 ORDER BY id`,
            [id],
          )
        ).rows,
    );
  const audits = (id: string) =>
    withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT action, details FROM audit_events WHERE entity_type = 'case' AND entity_id = $1 AND action <> 'case.created' ORDER BY id`,
            [id],
          )
        ).rows,
    );

  it('walks the main line to closed, recording history, audit events, domain events and the timeline', async () => {
    const c = await newCase();
    statusEvents.length = 0;
    await walk(c.id, ['triaged', 'in_progress', 'awaiting_mp', 'mp_responded', 'follow_up']);
    const closed = (await move(c.id, { to: 'closed', outcome: 'resolved' }).expect(200)).body as CaseDetail;
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      allowedTransitions: ['in_progress'],
      slaDueAt: null,
    });
    expect(closed.closedAt).not.toBeNull();
    expect(await history(c.id)).toEqual([
      { from_status: null, to_status: 'new', outcome: null },
      { from_status: 'new', to_status: 'triaged', outcome: null },
      { from_status: 'triaged', to_status: 'in_progress', outcome: null },
      { from_status: 'in_progress', to_status: 'awaiting_mp', outcome: null },
      { from_status: 'awaiting_mp', to_status: 'mp_responded', outcome: null },
      { from_status: 'mp_responded', to_status: 'follow_up', outcome: null },
      { from_status: 'follow_up', to_status: 'closed', outcome: 'resolved' },
    ]);
    const actions = (await audits(c.id)).map((a) => a.action);
    expect(actions).toEqual([...Array(5).fill('case.status_changed'), 'case.closed']);
    expect(statusEvents.map((e) => `${e.from}>${e.to}`)).toEqual([
      'new>triaged',
      'triaged>in_progress',
      'in_progress>awaiting_mp',
      'awaiting_mp>mp_responded',
      'mp_responded>follow_up',
      'follow_up>closed',
    ]);
    expect(statusEvents.every((e) => e.caseId === c.id && e.actorId === caseworker.user.id)).toBe(true);
    const timeline = await caseworker.agent
      .get(`/api/cases/${c.id}/timeline`)
      .query({ filter: JSON.stringify({ kind: 'status_change' }) })
      .expect(200);
    expect(timeline.body[0]).toMatchObject({
      kind: 'status_change',
      actorId: caseworker.user.id,
      data: { from: 'follow_up', to: 'closed', outcome: 'resolved' },
    });
    expect(timeline.headers['content-range']).toBe('timeline 0-6/7');
  });

  it('answers 409 listing the allowed moves for an illegal one, and changes nothing', async () => {
    const c = await newCase();
    const res = await move(c.id, { to: 'awaiting_mp' }).expect(409);
    expect(res.body).toMatchObject({
      statusCode: 409,
      from: 'new',
      to: 'awaiting_mp',
      allowed: ['triaged', 'on_hold', 'closed'],
    });
    expect(res.body.message).toContain('triaged, on_hold, closed');
    await move(c.id, { to: 'new' }).expect(409);
    expect((await caseworker.agent.get(`/api/cases/${c.id}`).expect(200)).body.status).toBe('new');
    expect(await history(c.id)).toHaveLength(1);
  });

  it('refuses the loops the table does not allow, and allows the ones it does', async () => {
    const c = await newCase();
    await walk(c.id, ['triaged', 'in_progress', 'awaiting_mp', 'mp_responded']);
    await move(c.id, { to: 'in_progress' }).expect(409);
    await move(c.id, { to: 'awaiting_mp' }).expect(200);
    await walk(c.id, ['mp_responded', 'follow_up', 'awaiting_mp']);
    await move(c.id, { to: 'triaged' }).expect(409);
  });

  it('answers 400 for an unknown status, naming `to`', async () => {
    const c = await newCase();
    expect((await move(c.id, { to: 'done' }).expect(400)).body.fields).toHaveProperty('to');
    expect((await move(c.id, {}).expect(400)).body.fields).toHaveProperty('to');
    expect((await move(c.id, { to: 'triaged', reason: 'x' }).expect(400)).body.fields).toHaveProperty('reason');
    await move('00000000-0000-4000-8000-000000000000', { to: 'triaged' }).expect(404);
  });

  it('needs an outcome to close (400 naming it), and takes none on other moves', async () => {
    const c = await newCase();
    const res = await move(c.id, { to: 'closed' }).expect(400);
    expect(res.body.fields).toEqual({ outcome: expect.stringContaining('required') });
    expect((await move(c.id, { to: 'closed', outcome: 'fixed' }).expect(400)).body.fields).toHaveProperty('outcome');
    expect((await move(c.id, { to: 'triaged', outcome: 'resolved' }).expect(400)).body.fields).toHaveProperty(
      'outcome',
    );
    await move(c.id, { to: 'closed', outcome: 'withdrawn' }).expect(200);
  });

  it('puts a case on hold from any open status, pauses its SLA, and returns it only to where it was', async () => {
    const c = await newCase();
    await walk(c.id, ['triaged', 'in_progress', 'awaiting_mp']);
    const held = (await move(c.id, { to: 'on_hold' }).expect(200)).body as CaseDetail;
    expect(held).toMatchObject({
      status: 'on_hold',
      heldFromStatus: 'awaiting_mp',
      slaDueAt: null,
      allowedTransitions: ['awaiting_mp', 'closed'],
    });
    const wrong = await move(c.id, { to: 'in_progress' }).expect(409);
    expect(wrong.body.allowed).toEqual(['awaiting_mp', 'closed']);
    const back = (await move(c.id, { to: 'awaiting_mp' }).expect(200)).body as CaseDetail;
    expect(back).toMatchObject({ status: 'awaiting_mp', heldFromStatus: null });
    expect(back.slaDueAt).not.toBeNull();
    for (const from of ['new', 'triaged'] as CaseStatus[]) {
      const other = await newCase();
      if (from === 'triaged') await walk(other.id, ['triaged']);
      await move(other.id, { to: 'on_hold' }).expect(200);
      await move(other.id, { to: 'closed', outcome: 'withdrawn' }).expect(200);
    }
  });

  it('reopens a closed case to in progress, clearing the outcome, and audits it as a reopening', async () => {
    const c = await newCase();
    await move(c.id, { to: 'closed', outcome: 'unresolved' }).expect(200);
    const reopened = (await move(c.id, { to: 'in_progress' }).expect(200)).body as CaseDetail;
    expect(reopened).toMatchObject({ status: 'in_progress', outcome: null, closedAt: null, duplicateOfId: null });
    expect(reopened.slaDueAt).not.toBeNull();
    expect((await audits(c.id)).map((a) => a.action)).toEqual(['case.closed', 'case.reopened']);
  });

  describe('duplicates', () => {
    const sent = (caseId: string, text: string) =>
      app.get(MessagesService).recordOutbound({
        rfcMessageId: uniqueId('out'),
        caseId,
        fromAddress: 'campaigns@campaign-desk.local',
        to: [{ name: 'Sam', address: 'sam@example.org' }],
        subject: 'About your case',
        text,
        sentAt: new Date(),
      });
    const caseOf = (messageId: string) =>
      withDb(
        env.databaseUrl,
        async (db) => (await db.query(`SELECT case_id FROM messages WHERE id = $1`, [messageId])).rows[0].case_id,
      );

    it('needs the case it duplicates (400), never itself, an unknown case or another duplicate', async () => {
      const c = await newCase();
      expect((await move(c.id, { to: 'closed', outcome: 'duplicate' }).expect(400)).body.fields).toHaveProperty(
        'duplicateOfId',
      );
      expect(
        (await move(c.id, { to: 'closed', outcome: 'duplicate', duplicateOfId: c.id }).expect(400)).body.fields,
      ).toEqual({ duplicateOfId: 'cannot be the case itself' });
      expect(
        (
          await move(c.id, {
            to: 'closed',
            outcome: 'duplicate',
            duplicateOfId: '00000000-0000-4000-8000-000000000000',
          }).expect(400)
        ).body.fields,
      ).toEqual({
        duplicateOfId: 'is not a case',
      });
      expect(
        (await move(c.id, { to: 'closed', outcome: 'duplicate', duplicateOfId: 'nope' }).expect(400)).body.fields,
      ).toHaveProperty('duplicateOfId');
      const original = await newCase();
      expect(
        (await move(c.id, { to: 'closed', outcome: 'resolved', duplicateOfId: original.id }).expect(400)).body.fields,
      ).toHaveProperty('duplicateOfId');
      expect((await move(c.id, { to: 'triaged', duplicateOfId: original.id }).expect(400)).body.fields).toHaveProperty(
        'duplicateOfId',
      );
      const dup = await newCase();
      await move(dup.id, { to: 'closed', outcome: 'duplicate', duplicateOfId: original.id }).expect(200);
      const res = await move(c.id, { to: 'closed', outcome: 'duplicate', duplicateOfId: dup.id }).expect(400);
      expect(res.body.fields.duplicateOfId).toContain('itself a duplicate');
      expect((await caseworker.agent.get(`/api/cases/${c.id}`).expect(200)).body.status).toBe('new');
    });

    it('points at the original and moves its messages there (and into its search)', async () => {
      const original = await newCase();
      const duplicate = await newCase();
      const m1 = await sent(duplicate.id, 'The radiotherapy appointment was cancelled again');
      const m2 = await sent(duplicate.id, 'Second message');
      const stays = await sent(original.id, 'Already here');
      const res = await move(duplicate.id, { to: 'closed', outcome: 'duplicate', duplicateOfId: original.id }).expect(
        200,
      );
      expect(res.body).toMatchObject({ status: 'closed', outcome: 'duplicate', duplicateOfId: original.id });
      expect([await caseOf(m1), await caseOf(m2), await caseOf(stays)]).toEqual([
        original.id,
        original.id,
        original.id,
      ]);
      const closedAudit = (await audits(duplicate.id)).find((a) => a.action === 'case.closed');
      expect(closedAudit?.details.messagesMoved.sort()).toEqual([m1, m2].sort());
      const search = await caseworker.agent
        .get('/api/cases')
        .query({ filter: JSON.stringify({ q: 'radiotherapy cancelled' }) })
        .expect(200);
      expect(search.body.map((r: { id: string }) => r.id)).toContain(original.id);
      const reopened = (await move(duplicate.id, { to: 'in_progress' }).expect(200)).body;
      expect(reopened).toMatchObject({ outcome: null, duplicateOfId: null });
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of several simultaneous identical moves through; the rest get 409', async () => {
      const c = await newCase();
      const results = await Promise.all(Array.from({ length: 6 }, () => move(c.id, { to: 'triaged' })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(await history(c.id)).toHaveLength(2);
    });

    it('serialises conflicting moves: close and hold at once leave one consistent result', async () => {
      const c = await newCase();
      const [close, hold] = await Promise.all([
        move(c.id, { to: 'closed', outcome: 'withdrawn' }),
        move(c.id, { to: 'on_hold' }),
      ]);
      const statuses = [close.status, hold.status];
      const final = (await caseworker.agent.get(`/api/cases/${c.id}`).expect(200)).body as CaseDetail;
      const rows = await history(c.id);
      if (close.status === 200 && hold.status === 200) {
        // Hold first, then close from hold: both legal in that order.
        expect(final.status).toBe('closed');
        expect(rows.map((r) => r.to_status)).toEqual(['new', 'on_hold', 'closed']);
      } else {
        expect(statuses.sort()).toEqual([200, 409]);
        expect(rows).toHaveLength(2);
      }
      expect(final.heldFromStatus).toBeNull();
    });
  });
});
