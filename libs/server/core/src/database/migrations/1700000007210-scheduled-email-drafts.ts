import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheck } from '../sql-values';

/**
 * `draft`: an email staff must approve before it goes (the meeting thank-you). The sender and the
 * reconciler only ever take `scheduled` rows; cancelling a case's pending mail takes drafts too, so
 * the per-case and per-supporter pending indexes now cover them.
 */
export class ScheduledEmailDrafts1700000007210 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scheduled_emails DROP CONSTRAINT scheduled_emails_status_check,
      ADD ${enumCheck('scheduled_emails', 'status', ['draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled', 'unknown'])}`);
    await q.query(`DROP INDEX scheduled_emails_case_pending_idx`);
    await q.query(`DROP INDEX scheduled_emails_supporter_pending_idx`);
    await q.query(
      `CREATE INDEX scheduled_emails_case_pending_idx ON scheduled_emails (case_id) WHERE status IN ('draft', 'scheduled', 'sending')`,
    );
    await q.query(
      `CREATE INDEX scheduled_emails_supporter_pending_idx ON scheduled_emails (supporter_id) WHERE status IN ('draft', 'scheduled', 'sending')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE scheduled_emails SET status = 'scheduled' WHERE status = 'draft'`);
    await q.query(`ALTER TABLE scheduled_emails DROP CONSTRAINT scheduled_emails_status_check,
      ADD ${enumCheck('scheduled_emails', 'status', ['scheduled', 'sending', 'sent', 'failed', 'cancelled', 'unknown'])}`);
    await q.query(`DROP INDEX scheduled_emails_case_pending_idx`);
    await q.query(`DROP INDEX scheduled_emails_supporter_pending_idx`);
    await q.query(
      `CREATE INDEX scheduled_emails_case_pending_idx ON scheduled_emails (case_id) WHERE status IN ('scheduled', 'sending')`,
    );
    await q.query(
      `CREATE INDEX scheduled_emails_supporter_pending_idx ON scheduled_emails (supporter_id) WHERE status IN ('scheduled', 'sending')`,
    );
  }
}
