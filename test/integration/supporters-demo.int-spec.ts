import type { NestExpressApplication } from '@nestjs/platform-express';
import { DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import { seedDemoSupporters } from '../../apps/api/src/cli/demo-supporters';
import { importDirectory } from '../support/directory';
import { prepareTestEnv, startApi, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

describe('demo supporters', () => {
  let env: TestEnv;
  let app: NestExpressApplication;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startApi();
    await importDirectory(app);
  }, 60_000);
  afterAll(() => app.close());

  it('seeds a few hundred synthetic supporters across every nation and region, once', async () => {
    const first = await seedDemoSupporters(app.get(DirectoryService), app.get(SupportersService));
    expect(first.created).toBeGreaterThanOrEqual(250);
    const second = await seedDemoSupporters(app.get(DirectoryService), app.get(SupportersService));
    expect(second).toEqual({ created: 0, existing: first.created + first.existing });

    const spread = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(`
        SELECT c.nation, count(DISTINCT c.region)::int AS regions, count(*)::int AS supporters
        FROM supporters s JOIN constituencies c ON c.gss_code = s.constituency_gss GROUP BY c.nation ORDER BY c.nation`)
        ).rows,
    );
    expect(spread.map((r) => r.nation)).toEqual(['England', 'Northern Ireland', 'Scotland', 'Wales']);
    expect(spread.find((r) => r.nation === 'England').regions).toBe(9);
    const synthetic = await withDb(
      env.databaseUrl,
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM supporters WHERE email::text NOT LIKE '%@example.org'`)).rows[0]
          .n,
    );
    expect(synthetic).toBe(0);
    // Real postcodes: every GB one resolved exactly from the lookup tables.
    const methods = await withDb(
      env.databaseUrl,
      async (db) =>
        (
          await db.query(
            `SELECT constituency_method AS method, count(*)::int AS n FROM supporters GROUP BY 1 ORDER BY 1`,
          )
        ).rows,
    );
    expect(methods).toEqual([
      { method: 'exact', n: expect.any(Number) },
      { method: 'not_covered', n: 5 },
    ]);
  });
});
