import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Least privilege in Postgres. Two roles: the owner, which runs migrations and owns every table, and the
 * app role, which the API and worker connect as. The app role reads and writes rows and nothing more: no
 * DDL, no TRUNCATE, no trigger changes (only an owner may alter a table), and the audit log only grows.
 */
export const DATABASE_ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export const roleOf = (url: string): string => decodeURIComponent(new URL(url).username) || 'postgres';
const databaseOf = (url: string): string => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
const passwordOf = (url: string): string => decodeURIComponent(new URL(url).password);
const quoted = (name: string) => `"${name}"`;

/**
 * As a superuser (`adminUrl`): creates the owner and app roles named in the two URLs when missing, with their
 * passwords if the URLs carry them, and the database owned by the owner. Never changes an existing role's
 * rights. `npm start` and `npm test` run it; in production an administrator creates the roles once.
 */
export async function ensureDatabaseRoles(adminUrl: string, migrationUrl: string, appUrl: string): Promise<void> {
  const owner = roleOf(migrationUrl);
  const app = roleOf(appUrl);
  const database = databaseOf(migrationUrl);
  for (const name of [owner, app]) {
    if (!DATABASE_ROLE_NAME.test(name)) throw new Error(`unsupported role name "${name}"`);
  }
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    for (const [role, url] of [
      [owner, migrationUrl],
      [app, appUrl],
    ] as const) {
      const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (found.rowCount) continue;
      const password = passwordOf(url);
      await client
        .query(`CREATE ROLE ${quoted(role)} LOGIN${password ? ` PASSWORD '${password.replace(/'/g, "''")}'` : ''}`)
        .catch((error: { code?: string }) => {
          if (error.code !== '42710') throw error; // created meanwhile by another process
        });
    }
    if (database) {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!found.rowCount) await client.query(`CREATE DATABASE ${quoted(database)} OWNER ${quoted(owner)}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * As the owner, after migrating: what the app role may do in this database. Re-run on every migrate, so a
 * table added by a migration is covered at once.
 */
export async function grantAppRole(dataSource: DataSource, app: string): Promise<void> {
  if (!DATABASE_ROLE_NAME.test(app)) throw new Error(`unsupported role name "${app}"`);
  const role = quoted(app);
  for (const sql of [
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    // The audit log is insert-only for the app; migrations are the owner's.
    `REVOKE UPDATE, DELETE ON audit_events FROM ${role}`,
    // Erasure strips personal values from event details; the trigger allows only that, marked `redacted`.
    `GRANT UPDATE (details) ON audit_events TO ${role}`,
    `REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${role}`,
  ]) {
    await dataSource.query(sql);
  }
}
