/** Names shared by the global setup, each test file and the teardown of one test run. */
export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function runId(): string {
  const id = process.env.CD_TEST_RUN_ID;
  if (!id) throw new Error('CD_TEST_RUN_ID is not set: run tests through jest with the global setup');
  return id;
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export const templateDatabase = () => `cd_test_${runId()}_template`;
export const databasePrefix = () => `cd_test_${runId()}_`;

/** The roles the apps run as in tests, as in production: migrations as the owner, the API and worker as the app. */
export const OWNER_ROLE = 'campaign_desk_owner';
export const APP_ROLE = 'campaign_desk_app';

export function roleUrl(name: string, role: string): string {
  const url = new URL(databaseUrl(name));
  url.username = role;
  url.password = '';
  return url.toString();
}
