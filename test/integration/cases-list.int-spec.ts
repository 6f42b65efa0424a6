import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Agent } from 'supertest';
import type { CaseDetail, CaseListItem, SupporterDto } from '@campaign-desk/contracts';
import { createSupporter, postCase, startCasesApi, TestClock } from '../support/cases';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('cases: saved views, filters, search and paging', () => {
  const clock = new TestClock();
  let env: TestEnv;
  let app: NestExpressApplication;
  let alice: Awaited<ReturnType<typeof signedInAgent>>;
  let bob: Awaited<ReturnType<typeof signedInAgent>>;
  let viewer: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    env = await prepareTestEnv({ SESSION_MAX_HOURS: String(24 * 14), SESSION_IDLE_MINUTES: String(24 * 60) });
    app = await startCasesApi(clock);
    await importDirectory(app);
  }, 90_000);
  afterAll(() => app?.close());

  /** Signs everyone in again at the current test time. */
  async function signIn() {
    [alice, bob, viewer] = [
      await signedInAgent(app, 'caseworker'),
      await signedInAgent(app, 'caseworker'),
      await signedInAgent(app, 'viewer'),
    ];
  }

  const list = (agent: Agent, filter: Record<string, unknown>, extra: Record<string, string> = {}) =>
    agent.get('/api/cases').query({ filter: JSON.stringify(filter), ...extra });
  const ids = (res: { body: CaseListItem[] }) => res.body.map((c) => c.id);
  const open = async (agent: Agent, supporter: SupporterDto, over: Record<string, unknown> = {}) =>
    (await postCase(agent, supporter.id, over).expect(201)).body as CaseDetail;
  const move = (agent: Agent, id: string, to: string, extra: Record<string, unknown> = {}) =>
    agent
      .post(`/api/cases/${id}/transition`)
      .send({ to, ...extra })
      .expect(200);

  describe('saved views', () => {
    let s: SupporterDto;
    const cases: Record<string, CaseDetail> = {};

    beforeAll(async () => {
      // October: D waits on the MP from 20 Oct (over 21 days by 23 Nov); G closes in October.
      clock.set('2026-10-20T10:00:00Z');
      await signIn();
      s = await createSupporter(app);
      cases.D = await open(alice.agent, s);
      for (const to of ['triaged', 'in_progress', 'awaiting_mp']) await move(alice.agent, cases.D.id, to);
      cases.G = await open(alice.agent, s);
      await move(alice.agent, cases.G.id, 'closed', { outcome: 'resolved' });
      // November.
      clock.set('2026-11-02T10:00:00Z');
      await signIn();
      cases.H = await open(alice.agent, s); // new, unassigned, first response overdue by the 23rd
      clock.set('2026-11-18T10:00:00Z');
      await signIn();
      cases.E = await open(alice.agent, s);
      for (const to of ['triaged', 'in_progress', 'awaiting_mp']) await move(alice.agent, cases.E.id, to);
      cases.F = await open(alice.agent, s);
      await move(alice.agent, cases.F.id, 'closed', { outcome: 'withdrawn' });
      clock.set('2026-11-23T10:00:00Z');
      await signIn();
      cases.A = await open(alice.agent, s);
      await alice.agent.post(`/api/cases/${cases.A.id}/assign`).send({ assigneeId: alice.user.id }).expect(200);
      cases.B = await open(alice.agent, s);
      await bob.agent.post(`/api/cases/${cases.B.id}/assign`).send({ assigneeId: bob.user.id }).expect(200);
      cases.C = await open(alice.agent, s);
      await move(alice.agent, cases.C.id, 'on_hold');
      await alice.agent.post(`/api/cases/${cases.D.id}/assign`).send({ assigneeId: alice.user.id }).expect(200);
      await alice.agent.post(`/api/cases/${cases.F.id}/assign`).send({ assigneeId: alice.user.id }).expect(200);
    }, 60_000);

    const view = async (agent: Agent, name: string) => {
      const res = await list(agent, { view: name, supporterId: s.id }).expect(200);
      return ids(res).map((id) => Object.keys(cases).find((k) => cases[k].id === id));
    };

    it('mine: open cases assigned to me, newest first', async () => {
      expect(await view(alice.agent, 'mine')).toEqual(['A', 'D']);
      expect(await view(bob.agent, 'mine')).toEqual(['B']);
    });

    it('unassigned: open cases nobody holds', async () => {
      expect(await view(alice.agent, 'unassigned')).toEqual(['C', 'E', 'H']);
    });

    it('overdue: most overdue first, never on hold or closed', async () => {
      // D's next update was due at the end of 3 November (10 working days after 20 October); H's first response at the end of 4 November.
      expect(await view(alice.agent, 'overdue')).toEqual(['D', 'H']);
    });

    it('awaiting the MP for over 21 days', async () => {
      expect(await view(alice.agent, 'awaiting_mp_21d')).toEqual(['D']);
    });

    it('on hold', async () => {
      expect(await view(alice.agent, 'on_hold')).toEqual(['C']);
    });

    it('closed this month (London time)', async () => {
      expect(await view(alice.agent, 'closed_this_month')).toEqual(['F']);
    });

    it('combines a view with filters, and contradictions leave nothing', async () => {
      expect(
        ids(await list(alice.agent, { view: 'mine', supporterId: s.id, status: 'awaiting_mp' }).expect(200)),
      ).toEqual([cases.D.id]);
      expect(
        ids(await list(alice.agent, { view: 'mine', supporterId: s.id, assigneeId: bob.user.id }).expect(200)),
      ).toEqual([]);
      expect(ids(await list(alice.agent, { view: 'on_hold', supporterId: s.id, status: 'new' }).expect(200))).toEqual(
        [],
      );
    });

    it('sorts a view as asked when a sort is given', async () => {
      const res = await list(
        alice.agent,
        { view: 'unassigned', supporterId: s.id },
        { sort: JSON.stringify(['createdAt', 'ASC']) },
      ).expect(200);
      expect(ids(res)).toEqual([cases.H.id, cases.E.id, cases.C.id]);
    });
  });

  describe('filters', () => {
    let england: SupporterDto;
    let scotland: SupporterDto;
    let a: CaseDetail;
    let b: CaseDetail;

    beforeAll(async () => {
      clock.set('2026-11-10T12:00:00Z');
      await signIn();
      england = await createSupporter(app);
      scotland = await createSupporter(app, { nation: 'Scotland' });
      a = await open(alice.agent, england, { topics: ['diagnosis_delay', 'communication'], priority: 'urgent' });
      clock.set('2026-11-12T12:00:00Z');
      await signIn();
      b = await open(alice.agent, scotland, { topics: ['access_to_medicines'], priority: 'low' });
      await alice.agent.post(`/api/cases/${b.id}/assign`).send({ assigneeId: bob.user.id }).expect(200);
    });

    const both = () => ({ supporterId: [england.id, scotland.id] });
    const expectOnly = async (filter: Record<string, unknown>, expected: CaseDetail[]) =>
      expect(ids(await list(alice.agent, { ...both(), ...filter }).expect(200)).sort()).toEqual(
        expected.map((c) => c.id).sort(),
      );

    it('filters by status, assignee (or none), priority and topic', async () => {
      await expectOnly({ status: 'new' }, [a, b]);
      await expectOnly({ status: ['closed', 'on_hold'] }, []);
      await expectOnly({ assigneeId: bob.user.id }, [b]);
      await expectOnly({ assigneeId: null }, [a]);
      await expectOnly({ priority: ['urgent', 'high'] }, [a]);
      await expectOnly({ topic: 'communication' }, [a]);
      await expectOnly({ topic: ['access_to_medicines', 'other'] }, [b]);
    });

    it('filters by nation, region, constituency, MP and party', async () => {
      await expectOnly({ nation: 'Scotland' }, [b]);
      await expectOnly({ region: 'London' }, [a]);
      await expectOnly({ constituencyId: a.constituencyId }, [a]);
      await expectOnly({ mpId: b.mpId }, [b]);
      await expectOnly({ mpId: String(a.mpId) }, [a]);
      if (a.party !== b.party) await expectOnly({ party: a.party }, [a]);
      await expectOnly({ party: [a.party, b.party] }, [a, b]);
    });

    it('filters by creation date (London dates, inclusive) and by id', async () => {
      await expectOnly({ createdFrom: '2026-11-11' }, [b]);
      await expectOnly({ createdTo: '2026-11-10' }, [a]);
      await expectOnly({ createdFrom: '2026-11-10', createdTo: '2026-11-12' }, [a, b]);
      await expectOnly({ createdFrom: '2026-11-12T12:00:00.000Z' }, [b]);
      await expectOnly({ id: [b.id] }, [b]);
    });

    it.each([
      ['an unknown filter', { filter: '{"colour":"red"}' }, 'filter'],
      ['an unknown sort', { sort: '["summary","ASC"]' }, 'sort'],
      ['a bad sort order', { sort: '["createdAt","UP"]' }, 'sort'],
      ['an unknown query parameter', { page: '2' }, 'page'],
      ['an unknown status', { filter: '{"status":"done"}' }, 'filter'],
      ['an unknown view', { filter: '{"view":"everything"}' }, 'filter'],
      ['two views', { filter: '{"view":["mine","on_hold"]}' }, 'filter'],
      ['a bad assignee', { filter: '{"assigneeId":"bob"}' }, 'filter'],
      ['a bad date', { filter: '{"createdFrom":"last week"}' }, 'filter'],
      ['an impossible date', { filter: '{"createdTo":"2026-02-31"}' }, 'filter'],
      ['a bad constituency', { filter: '{"constituencyId":"Holborn"}' }, 'filter'],
      ['a bad MP id', { filter: '{"mpId":"abc"}' }, 'filter'],
      ['an unknown nation', { filter: '{"nation":"Cornwall"}' }, 'filter'],
      ['a bad range', { range: '[10,2]' }, 'range'],
      ['a filter that is not JSON', { filter: '{view:mine}' }, 'filter'],
      ['a garbage cursor', { filter: '{"after":"not-a-cursor"}' }, 'filter'],
      ['a cursor with search', { filter: '{"after":"abc","q":"x"}' }, 'filter'],
    ])('answers 400 for %s, naming it', async (_label, query, field) => {
      const res = await alice.agent.get('/api/cases').query(query).expect(400);
      expect(res.body.fields).toHaveProperty(field);
    });
  });

  describe('search', () => {
    let byName: CaseDetail;
    let byMessage: CaseDetail;
    let byEmail: CaseDetail;

    beforeAll(async () => {
      clock.set(null);
      await signIn();
      const named = await createSupporter(app, { name: 'Agnes Quillfeather' });
      const other = await createSupporter(app, { name: 'Peter Jones' });
      const emailed = await createSupporter(app, { name: 'Rita Moss', email: 'quillfeather.fan@example.net' });
      byName = await open(alice.agent, named);
      byEmail = await open(alice.agent, emailed);
      // A triage message whose text mentions the word, filed into the case as it is created.
      const messageId = await withDb(
        env.databaseUrl,
        async (db) =>
          (
            await db.query(
              `INSERT INTO messages (direction, rfc_message_id, subject, text_body, classification, status, from_address)
             VALUES ('in', $1, 'Help with my treatment', 'My consultant Dr Quillfeather cancelled my chemotherapy twice.', 'request', 'new', 'peter@example.org')
             RETURNING id`,
              [`${Date.now()}@search.test`],
            )
          ).rows[0].id,
      );
      byMessage = await open(alice.agent, other, { messageId });
    });

    it('ranks a name match above an email match above a message text match', async () => {
      const res = await list(alice.agent, { q: 'quillfeather' }).expect(200);
      expect(ids(res)).toEqual([byName.id, byEmail.id, byMessage.id]);
    });

    it('puts an exact reference first, however it is typed', async () => {
      for (const q of [
        byMessage.reference,
        byMessage.reference.toLowerCase(),
        byMessage.reference.replace('-', ' '),
        byMessage.reference.slice(3),
      ]) {
        const res = await list(alice.agent, { q }).expect(200);
        expect(ids(res)[0]).toBe(byMessage.id);
      }
    });

    it('matches prefixes of several words, all of which must match', async () => {
      expect(ids(await list(alice.agent, { q: 'chemo cancel' }).expect(200))).toEqual([byMessage.id]);
      expect(ids(await list(alice.agent, { q: 'chemo radiotherapy' }).expect(200))).toEqual([]);
      expect(ids(await list(alice.agent, { q: 'agnes quill' }).expect(200))).toEqual([byName.id]);
      expect(ids(await list(alice.agent, { q: 'example.net' }).expect(200))).toEqual([byEmail.id]);
    });

    it('lets viewers search references only, never names, emails or message text', async () => {
      expect(ids(await list(viewer.agent, { q: 'quillfeather' }).expect(200))).toEqual([]);
      expect(ids(await list(viewer.agent, { q: 'chemotherapy' }).expect(200))).toEqual([]);
      expect(ids(await list(viewer.agent, { q: byMessage.reference }).expect(200))).toEqual([byMessage.id]);
    });

    it('ignores punctuation-only searches', async () => {
      const res = await list(alice.agent, { q: '!!!', supporterId: byName.supporterId }).expect(200);
      expect(ids(res)).toEqual([byName.id]);
    });
  });

  describe('paging', () => {
    let s: SupporterDto;

    beforeAll(async () => {
      clock.set(null);
      await signIn();
      s = await createSupporter(app);
      const priorities = ['low', 'normal', 'high', 'urgent', 'normal', 'normal', 'low'];
      for (const priority of priorities) await open(alice.agent, s, { priority });
    });

    async function walk(
      sort: [string, string],
      pageSize: number,
    ): Promise<{ offset: string[]; keyset: string[]; ranges: string[] }> {
      const offset: string[] = [];
      const keyset: string[] = [];
      const ranges: string[] = [];
      let cursor: string | undefined;
      for (let start = 0; start < 10; start += pageSize) {
        const range = JSON.stringify([start, start + pageSize - 1]);
        const byOffset = await list(alice.agent, { supporterId: s.id }, { sort: JSON.stringify(sort), range }).expect(
          200,
        );
        offset.push(...ids(byOffset));
        const byKeyset = await list(
          alice.agent,
          { supporterId: s.id, ...(cursor ? { after: cursor } : {}) },
          { sort: JSON.stringify(sort), range },
        ).expect(200);
        keyset.push(...ids(byKeyset));
        ranges.push(byKeyset.headers['content-range']);
        cursor = byKeyset.headers['x-next-cursor'];
        expect(byKeyset.headers['x-total-count-estimated']).toBe('false');
        if (!cursor) break;
      }
      return { offset, keyset, ranges };
    }

    it('reads the same rows by keyset cursor as by offset, for every sort', async () => {
      for (const sort of [
        ['createdAt', 'DESC'],
        ['priority', 'DESC'],
        ['priority', 'ASC'],
        ['reference', 'ASC'],
        ['slaDueAt', 'ASC'],
        ['updatedAt', 'DESC'],
        ['statusChangedAt', 'ASC'],
      ] as [string, string][]) {
        const { offset, keyset, ranges } = await walk(sort, 3);
        expect(keyset).toEqual(offset);
        expect(new Set(keyset).size).toBe(7);
        expect(ranges).toEqual(['cases 0-2/7', 'cases 3-5/7', 'cases 6-6/7']);
      }
    });

    it('refuses a cursor from another sort', async () => {
      const first = await list(alice.agent, { supporterId: s.id }, { range: '[0,2]' }).expect(200);
      const cursor = first.headers['x-next-cursor'];
      expect(cursor).toBeTruthy();
      const res = await list(
        alice.agent,
        { supporterId: s.id, after: cursor },
        { sort: '["priority","DESC"]', range: '[3,5]' },
      ).expect(400);
      expect(res.body.fields.filter).toContain('after');
    });

    it('exposes the paging headers to the browser', async () => {
      const res = await list(alice.agent, { supporterId: s.id }, { range: '[0,2]' }).expect(200);
      expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
      expect(res.headers['access-control-expose-headers']).toContain('X-Total-Count-Estimated');
      expect(res.headers['access-control-expose-headers']).toContain('X-Next-Cursor');
    });
  });
});
