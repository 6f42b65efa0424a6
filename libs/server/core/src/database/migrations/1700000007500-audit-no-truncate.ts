import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log refuses TRUNCATE too (row triggers alone do not fire for it), whoever asks. */
export class AuditNoTruncate1700000007500 implements MigrationInterface {
  name = 'AuditNoTruncate1700000007500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
  }
}
