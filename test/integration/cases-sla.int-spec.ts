import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CaseDetail, CaseListItem, Nation } from '@campaign-desk/contracts';
import { CasesService } from '@campaign-desk/server-cases';
import { DirectoryService } from '@campaign-desk/server-directory';
import { createSupporter, postCase, startCasesApi, TestClock } from '../support/cases';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent } from '../support/test-app';

/**
 * First response is due by the end (London midnight) of the 2nd working day after the case opens,
 * skipping weekends and the bank holidays of the case's nation; then an update every 10 working days.
 */
describe('cases: SLA working days across bank holidays and clock changes', () => {
  const clock = new TestClock();
  let app: NestExpressApplication;

  beforeAll(async () => {
    await prepareTestEnv({ SESSION_MAX_HOURS: String(24 * 14), SESSION_IDLE_MINUTES: String(24 * 60) });
    app = await startCasesApi(clock);
    await importDirectory(app);
  }, 90_000);
  afterAll(() => app?.close());

  /** Moves the clock and signs in afresh (sessions expire as the clock jumps days ahead). */
  async function at(time: string) {
    clock.set(time);
    return (await signedInAgent(app, 'caseworker')).agent;
  }

  /** Opens a case at `time` for a supporter in `nation`. */
  async function openAt(time: string, nation: Nation = 'England') {
    const agent = await at(time);
    const supporter = await createSupporter(app, { nation });
    const created = (await postCase(agent, supporter.id).expect(201)).body as CaseDetail;
    expect(created.nation).toBe(nation);
    return { agent, created };
  }

  it.each([
    [
      'the spring clock change (due end of Tuesday, in BST)',
      '2026-03-27T10:00:00Z',
      'England',
      '2026-03-31T23:00:00.000Z',
    ],
    [
      'the autumn clock change (due end of Tuesday, in GMT)',
      '2026-10-23T15:30:00Z',
      'England',
      '2026-10-28T00:00:00.000Z',
    ],
    ['Christmas and the Boxing Day substitute holiday', '2026-12-24T10:00:00Z', 'England', '2026-12-31T00:00:00.000Z'],
    ["St Andrew's Day in Scotland", '2026-11-27T12:00:00Z', 'Scotland', '2026-12-03T00:00:00.000Z'],
    ["the same Friday in England (no St Andrew's Day)", '2026-11-27T12:00:00Z', 'England', '2026-12-02T00:00:00.000Z'],
    ["St Patrick's Day in Northern Ireland", '2026-03-16T12:00:00Z', 'Northern Ireland', '2026-03-20T00:00:00.000Z'],
    ["the same Monday in England (no St Patrick's Day)", '2026-03-16T12:00:00Z', 'England', '2026-03-19T00:00:00.000Z'],
    ['Easter in Wales (Good Friday and Easter Monday)', '2026-04-02T12:00:00Z', 'Wales', '2026-04-08T23:00:00.000Z'],
    ['Easter in Scotland (no Easter Monday)', '2026-04-02T12:00:00Z', 'Scotland', '2026-04-07T23:00:00.000Z'],
    [
      'a case opened late on a summer Friday (already Saturday in London)',
      '2026-07-10T23:30:00Z',
      'England',
      '2026-07-14T23:00:00.000Z',
    ],
  ])('first response due across %s', async (_label, at, nation, due) => {
    const { created } = await openAt(at, nation as Nation);
    expect(created.firstResponseDueAt).toBe(due);
    expect(created.slaDueAt).toBe(due);
  });

  it('flags an overdue first response, meets it when work starts, then counts the next update', async () => {
    const opened = await openAt('2026-11-02T09:00:00Z');
    const { created } = opened;
    let { agent } = opened;
    expect(created.firstResponseDueAt).toBe('2026-11-05T00:00:00.000Z');
    const overdueView = async () =>
      (
        (
          await agent
            .get('/api/cases')
            .query({ filter: JSON.stringify({ view: 'overdue' }) })
            .expect(200)
        ).body as CaseListItem[]
      ).map((c) => c.id);

    agent = await at('2026-11-04T23:59:00Z');
    expect((await agent.get(`/api/cases/${created.id}`).expect(200)).body).toMatchObject({
      overdue: false,
      firstResponseOverdue: false,
    });
    expect(await overdueView()).not.toContain(created.id);

    agent = await at('2026-11-05T00:01:00Z');
    expect((await agent.get(`/api/cases/${created.id}`).expect(200)).body).toMatchObject({
      overdue: true,
      firstResponseOverdue: true,
      nextUpdateOverdue: false,
    });
    expect(await overdueView()).toContain(created.id);

    // Triage alone is not a response to the supporter.
    await agent.post(`/api/cases/${created.id}/transition`).send({ to: 'triaged' }).expect(200);
    expect(await overdueView()).toContain(created.id);

    agent = await at('2026-11-06T10:00:00Z');
    const working = (await agent.post(`/api/cases/${created.id}/transition`).send({ to: 'in_progress' }).expect(200))
      .body as CaseDetail;
    expect(working).toMatchObject({
      firstRespondedAt: '2026-11-06T10:00:00.000Z',
      firstResponseOverdue: false,
      overdue: false,
    });
    // Ten working days after Friday 6 November: Friday 20 November, due by its end.
    expect(working.nextUpdateDueAt).toBe('2026-11-21T00:00:00.000Z');
    expect(working.slaDueAt).toBe(working.nextUpdateDueAt);
    expect(await overdueView()).not.toContain(created.id);

    agent = await at('2026-11-21T08:00:00Z');
    expect((await agent.get(`/api/cases/${created.id}`).expect(200)).body).toMatchObject({
      overdue: true,
      nextUpdateOverdue: true,
      firstResponseOverdue: false,
    });
    expect(await overdueView()).toContain(created.id);

    // A status change is an update: the clock restarts from it.
    const moved = (await agent.post(`/api/cases/${created.id}/transition`).send({ to: 'awaiting_mp' }).expect(200))
      .body as CaseDetail;
    expect(moved.overdue).toBe(false);
    expect(moved.nextUpdateDueAt).toBe('2026-12-05T00:00:00.000Z');
  });

  it('pauses while on hold (nothing due, not overdue) and restarts the clock on return', async () => {
    const { created } = await openAt('2026-06-01T09:00:00Z');
    let agent = await at('2026-06-10T09:00:00Z');
    expect((await agent.get(`/api/cases/${created.id}`).expect(200)).body.overdue).toBe(true);
    const held = (await agent.post(`/api/cases/${created.id}/transition`).send({ to: 'on_hold' }).expect(200))
      .body as CaseDetail;
    expect(held).toMatchObject({ slaDueAt: null, overdue: false, firstResponseOverdue: false });
    const overdue = (
      await agent
        .get('/api/cases')
        .query({ filter: JSON.stringify({ view: 'overdue' }) })
        .expect(200)
    ).body as CaseListItem[];
    expect(overdue.map((c) => c.id)).not.toContain(created.id);
    agent = await at('2026-06-15T09:00:00Z');
    const back = (await agent.post(`/api/cases/${created.id}/transition`).send({ to: 'new' }).expect(200))
      .body as CaseDetail;
    // Two working days from Monday 15 June: the end of Wednesday 17 June (BST).
    expect(back).toMatchObject({
      firstResponseDueAt: '2026-06-17T23:00:00.000Z',
      slaDueAt: '2026-06-17T23:00:00.000Z',
      overdue: false,
    });
  });

  it('stops the clock when closed', async () => {
    const { created } = await openAt('2026-06-01T09:00:00Z');
    const agent = await at('2026-06-20T09:00:00Z');
    const closed = (
      await agent.post(`/api/cases/${created.id}/transition`).send({ to: 'closed', outcome: 'withdrawn' }).expect(200)
    ).body as CaseDetail;
    expect(closed).toMatchObject({
      slaDueAt: null,
      overdue: false,
      firstResponseOverdue: false,
      nextUpdateOverdue: false,
    });
  });

  it("re-counts an unmet first response with the new nation's holidays when the constituency changes", async () => {
    const { agent, created } = await openAt('2026-11-27T12:00:00Z');
    expect(created.firstResponseDueAt).toBe('2026-12-02T00:00:00.000Z');
    const scottishSeat = [...app.get(DirectoryService).realPostcodes()].find(
      (p) => p.constituency.summary.nation === 'Scotland',
    )?.constituency.summary.id;
    const moved = (await agent.put(`/api/cases/${created.id}`).send({ constituencyId: scottishSeat }).expect(200))
      .body as CaseDetail;
    expect(moved).toMatchObject({ nation: 'Scotland', firstResponseDueAt: '2026-12-03T00:00:00.000Z' });
  });

  it('meets the first response when correspondence records an update to the supporter', async () => {
    const { agent, created } = await openAt('2026-09-07T09:00:00Z');
    await app.get(CasesService).recordSupporterUpdate(created.id, new Date('2026-09-08T14:00:00Z'));
    const after = (await agent.get(`/api/cases/${created.id}`).expect(200)).body as CaseDetail;
    expect(after).toMatchObject({
      status: 'new',
      firstRespondedAt: '2026-09-08T14:00:00.000Z',
      nextUpdateDueAt: '2026-09-22T23:00:00.000Z',
    });
    expect(after.slaDueAt).toBe(after.nextUpdateDueAt);
  });
});
