import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
// Global setup runs outside jest's module mapper, so it imports the lib file directly.
import { migrateDatabase } from '../../libs/server/core/src/database/migrate';
import { ensureDatabaseRoles } from '../../libs/server/core/src/database/database-roles';
import { ADMIN_DATABASE_URL, APP_ROLE, OWNER_ROLE, roleUrl, templateDatabase } from './test-env';

/** Migrates one template database per run; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  if (process.env.CD_TEST_RUN_ID) return; // a second project in the same run reuses the template
  process.env.CD_TEST_RUN_ID = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  await dropStaleDatabases();
  // The template belongs to the owner role and grants the app role its rights; each clone keeps both.
  const template = templateDatabase();
  await ensureDatabaseRoles(ADMIN_DATABASE_URL, roleUrl(template, OWNER_ROLE), roleUrl(template, APP_ROLE));
  await migrateDatabase(roleUrl(template, OWNER_ROLE), APP_ROLE);
}

/** Databases left by runs that crashed more than an hour ago. */
async function dropStaleDatabases(): Promise<void> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'cd\\_test\\_%'`,
    );
    const cutoff = Date.now() - 3_600_000;
    for (const { datname } of rows) {
      const stamp = parseInt(datname.split('_')[2]?.slice(0, -4) ?? '', 36);
      if (Number.isFinite(stamp) && stamp < cutoff) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}
