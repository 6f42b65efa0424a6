import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL, databasePrefix, databaseUrl, OWNER_ROLE, templateDatabase } from './test-env';

/**
 * A fresh, migrated database for one test file, cloned from the run's template in milliseconds. Returns its
 * superuser URL, for fixtures and assertions; the apps connect as the app role (prepareTestEnv).
 */
export async function createTestDatabase(): Promise<string> {
  const name = `${databasePrefix()}${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    // Cloning needs the template to have no other connections; retry briefly if a clone is in progress.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}" OWNER ${OWNER_ROLE}`);
        break;
      } catch (error) {
        if (attempt > 40 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await client.end();
  }
  return databaseUrl(name);
}

/** Runs SQL against a test database (fixtures and assertions that no API exposes). */
export async function withDb<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
