import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { grantAppRole, roleOf } from './database-roles';
import { ensureDatabase } from './ensure-database';

/** Migrates as MIGRATION_DATABASE_URL's owner role when set (granting DATABASE_URL's role), else as DATABASE_URL. */
export function migrateConfigured(config: {
  DATABASE_URL: string;
  MIGRATION_DATABASE_URL?: string;
}): Promise<string[]> {
  return config.MIGRATION_DATABASE_URL
    ? migrateDatabase(config.MIGRATION_DATABASE_URL, roleOf(config.DATABASE_URL))
    : migrateDatabase(config.DATABASE_URL);
}

/**
 * Creates the database if needed and applies pending migrations, connected as the owner; returns their names.
 * Given the app role, grants it what the API and worker need (and nothing more) afterwards.
 */
export async function migrateDatabase(databaseUrl: string, appRole?: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
  await dataSource.initialize();
  try {
    // A session-level advisory lock keeps two processes starting at once from migrating together.
    await dataSource.query('SELECT pg_advisory_lock(7301001)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (appRole && appRole !== roleOf(databaseUrl)) await grantAppRole(dataSource, appRole);
    await dataSource.query('SELECT pg_advisory_unlock(7301001)');
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
