import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';

/** Creates the database if needed and applies pending migrations; returns their names. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
  await dataSource.initialize();
  try {
    // A session-level advisory lock keeps two processes starting at once from migrating together.
    await dataSource.query('SELECT pg_advisory_lock(7301001)');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('SELECT pg_advisory_unlock(7301001)');
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
