import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts about this installation that every process must agree on and that are not configuration:
 * the check-in link secret generated on first use when CHECKIN_LINK_SECRET is unset (development
 * and test only: production refuses to start without the variable), and the marker the demo seed
 * writes on the database it created.
 */
export class InstallSettings1700000007200 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE install_settings (
        key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
        value text NOT NULL CHECK (length(value) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE install_settings`);
  }
}
