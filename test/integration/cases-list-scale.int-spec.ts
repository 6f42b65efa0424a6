import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Agent } from 'supertest';
import type { CaseListItem } from '@campaign-desk/contracts';
import { createSupporter, startCasesApi, TestClock } from '../support/cases';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, signedInAgent, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

/** The case list over a thousand cases: estimated totals and deep pages (offset and keyset agree). */
describe('cases list at scale', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let alice: Awaited<ReturnType<typeof signedInAgent>>;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startCasesApi(new TestClock());
    await importDirectory(app);
    alice = await signedInAgent(app, 'caseworker');
  }, 90_000);
  afterAll(() => app?.close());

  const list = (agent: Agent, filter: Record<string, unknown>, extra: Record<string, string> = {}) =>
    agent.get('/api/cases').query({ filter: JSON.stringify(filter), ...extra });
  const ids = (res: { body: CaseListItem[] }) => res.body.map((c) => c.id);

  describe('at scale', () => {
    let supporterId: string;

    beforeAll(async () => {
      const s = await createSupporter(app);
      supporterId = s.id;
      await withDb(env.databaseUrl, async (db) => {
        await db.query(
          `INSERT INTO cases (supporter_id, supporter_name, priority, status, created_at, updated_at, status_changed_at)
           SELECT $1, 'Bulk', (ARRAY['low','normal','high','urgent'])[1 + i % 4], 'new',
                  now() - make_interval(mins => i), now() - make_interval(mins => i), now() - make_interval(mins => i)
             FROM generate_series(1, 1050) AS i`,
          [supporterId],
        );
        await db.query('ANALYZE cases');
      });
    }, 60_000);

    it('estimates a total over 1,000 and says so in a header, keeping Content-Range parseable', async () => {
      const res = await list(alice.agent, { supporterId }, { range: '[0,24]' }).expect(200);
      expect(res.headers['x-total-count-estimated']).toBe('true');
      const match = /^cases 0-24\/(\d+)$/.exec(res.headers['content-range']);
      expect(Number(match?.[1])).toBeGreaterThan(1_000);
    });

    it('counts exactly below the cap', async () => {
      const res = await list(alice.agent, { supporterId, priority: 'urgent' }, { range: '[0,24]' }).expect(200);
      expect(res.headers['x-total-count-estimated']).toBe('false');
      expect(res.headers['content-range']).toBe('cases 0-24/262');
    });

    it('answers deep offset pages and deep keyset pages with the same rows', async () => {
      const sort = JSON.stringify(['createdAt', 'DESC']);
      const deep = await list(alice.agent, { supporterId }, { sort, range: '[1000,1009]' }).expect(200);
      const before = await list(alice.agent, { supporterId }, { sort, range: '[990,999]' }).expect(200);
      const next = await list(
        alice.agent,
        { supporterId, after: before.headers['x-next-cursor'] },
        { sort, range: '[1000,1009]' },
      ).expect(200);
      expect(ids(next)).toEqual(ids(deep));
      expect(deep.body).toHaveLength(10);
      const expected = await withDb(env.databaseUrl, async (db) =>
        (
          await db.query(
            `SELECT id FROM cases WHERE supporter_id = $1 ORDER BY created_at DESC, id DESC OFFSET 1000 LIMIT 10`,
            [supporterId],
          )
        ).rows.map((r) => r.id),
      );
      expect(ids(deep)).toEqual(expected);
    });
  });
});
