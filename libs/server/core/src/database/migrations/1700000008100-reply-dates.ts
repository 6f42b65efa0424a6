import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheck } from '../sql-values';

/**
 * True reply dates (issue 13): how each MP response's `received_at` is known, and whether the reply
 * addressed what was asked. Responses recorded from check-in clicks before now carry the click time,
 * so they are marked `click_approximate`; staff-entered ones are `staff` (the column's default, which the
 * API never relies on: it always says which source).
 */
export class ReplyDates1700000008100 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mp_responses
      ADD COLUMN received_at_source text NOT NULL DEFAULT 'staff'
        ${enumCheck('mp_responses', 'received_at_source', ['supporter_date', 'supporter_week', 'staff', 'click_approximate'])},
      ADD COLUMN addressed text ${enumCheck('mp_responses', 'addressed', ['yes', 'partly', 'no'])}`);
    await q.query(
      `UPDATE mp_responses SET received_at_source = 'click_approximate' WHERE source = 'supporter_checkin'`,
    );
    await q.query(
      `CREATE INDEX mp_responses_approximate_idx ON mp_responses (mp_contact_id) WHERE received_at_source = 'click_approximate'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mp_responses DROP COLUMN received_at_source, DROP COLUMN addressed`);
  }
}
