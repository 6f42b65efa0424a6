import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { startApi, prepareTestEnv, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';
import { APP_ROLE, OWNER_ROLE } from '../support/test-env';

/** Least privilege: the API and worker's role reads and writes rows only; the audit log only grows. */
describe('database roles', () => {
  let env: TestEnv;
  let app: NestExpressApplication;

  beforeAll(async () => {
    env = await prepareTestEnv();
    app = await startApi();
  }, 60_000);
  afterAll(() => app?.close());

  const asApp = <T>(fn: Parameters<typeof withDb<T>>[1]) => withDb(process.env.DATABASE_URL as string, fn);
  const refused = async (sql: string) => {
    const error = await asApp((db) => db.query(sql)).then(
      () => null,
      (e: { code?: string; message: string }) => e,
    );
    expect({ sql, refused: error !== null }).toEqual({ sql, refused: true });
    return error;
  };

  it('the API connects as the app role, and the tables belong to the owner', async () => {
    const [{ current_user }] = await app.get(DataSource).query('SELECT current_user');
    expect(current_user).toBe(APP_ROLE);
    const owners = await withDb(env.databaseUrl, async (db) =>
      (await db.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
        (r) => r.tableowner,
      ),
    );
    expect(owners).toEqual([OWNER_ROLE]);
  });

  it('the app role reads and writes rows', async () => {
    await asApp(async (db) => {
      await db.query(`INSERT INTO audit_events (action, details) VALUES ('auth.logout', '{}')`);
      expect((await db.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBeGreaterThan(0);
      await db.query(`UPDATE cases SET summary = summary WHERE false`);
    });
  });

  it('the app role cannot change the schema, truncate, touch triggers, rewrite the audit log or the migrations', async () => {
    for (const sql of [
      'CREATE TABLE intruder (id int)',
      'ALTER TABLE cases ADD COLUMN intruder int',
      'DROP TABLE supporters',
      'TRUNCATE cases',
      'TRUNCATE audit_events',
      'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update',
      'DROP TRIGGER audit_events_no_update ON audit_events',
      `UPDATE audit_events SET action = 'case.read'`,
      'DELETE FROM audit_events',
      `INSERT INTO migrations (timestamp, name) VALUES (1, 'Intruder1')`,
      'DELETE FROM migrations',
    ]) {
      const error = await refused(sql);
      expect(error?.code).toBe('42501'); // insufficient_privilege (or not the owner)
    }
  });

  it('even the owner cannot empty the audit log with TRUNCATE', async () => {
    const error = await withDb(env.databaseUrl, (db) => db.query('TRUNCATE audit_events')).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toContain('audit_events is append-only');
  });
});
