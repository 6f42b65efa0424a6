import { Client } from 'pg';
import { ADMIN_DATABASE_URL, databasePrefix } from './test-env';

export default async function globalTeardown(): Promise<void> {
  if (!process.env.CD_TEST_RUN_ID || process.env.CD_TEST_KEEP_DATABASES) return;
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [databasePrefix()],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
