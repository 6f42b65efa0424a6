import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** A migration file is `<13-digit timestamp>-<name>.ts`; modules beside it (`….views.ts`) are not. */
const MIGRATION_FILE = /^(\d{13})-[a-z0-9-]+\.(ts|js)$/;

/**
 * Every migration in this folder, in timestamp order: adding one is adding its file. Each file exports one
 * class whose name ends with its timestamp (`Reports1700000006000`). The build (.js) and the tests (.ts)
 * read the same folder, so they run the same set. Each migration is a snapshot: enum value lists are
 * literals as of the day it was written (see ../sql-values.ts).
 */
export function discoverMigrations(dir: string = __dirname): MigrationClass[] {
  return readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => {
      const timestamp = file.slice(0, 13);
      const exported = Object.values(require(join(dir, file)) as Record<string, unknown>);
      const classes = exported.filter(
        (value): value is MigrationClass => typeof value === 'function' && value.name.endsWith(timestamp),
      );
      if (classes.length !== 1) {
        throw new Error(`Migration ${file} must export exactly one class named <Name>${timestamp}`);
      }
      return classes[0];
    });
}

export const MIGRATIONS = discoverMigrations();
