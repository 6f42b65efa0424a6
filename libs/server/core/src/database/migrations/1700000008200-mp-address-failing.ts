import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheck } from '../sql-values';

const REASONS_BEFORE = [
  'staff',
  'mp_responded',
  'mp_emailed',
  'checkin_answered',
  'case_closed',
  'case_on_hold',
  'case_moved_on',
  'supporter_on_hold',
  'consent_withdrawn',
  'no_consent',
  'supporter_deleted',
  'supporter_erased',
];
const REASONS = [...REASONS_BEFORE, 'address_failing'];

/**
 * Contact quality (issue 16): a hard bounce from an MP's address marks it failing
 * (`address_failing_since`, with the address that failed, so an import bringing a new address clears
 * it); pending mail is cancelled with `address_failing`, and a `check_mp_address` task is opened.
 */
export class MpAddressFailing1700000008200 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE mps ADD COLUMN address_failing_since timestamptz, ADD COLUMN address_failing_email citext`,
    );
    await q.query(`ALTER TABLE scheduled_emails DROP CONSTRAINT scheduled_emails_cancel_reason_check,
      ADD ${enumCheck('scheduled_emails', 'cancel_reason', REASONS)}`);
    await q.query(`ALTER TABLE chase_tasks DROP CONSTRAINT chase_tasks_cancel_reason_check,
      ADD ${enumCheck('chase_tasks', 'cancel_reason', REASONS)}`);
    await q.query(`ALTER TABLE chase_tasks DROP CONSTRAINT chase_tasks_kind_check,
      ADD ${enumCheck('chase_tasks', 'kind', ['phone_mp_office', 'check_mp_address'])}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM chase_tasks WHERE kind = 'check_mp_address'`);
    await q.query(`UPDATE chase_tasks SET cancel_reason = 'staff' WHERE cancel_reason = 'address_failing'`);
    await q.query(`UPDATE scheduled_emails SET cancel_reason = 'staff' WHERE cancel_reason = 'address_failing'`);
    await q.query(`ALTER TABLE chase_tasks DROP CONSTRAINT chase_tasks_kind_check,
      ADD ${enumCheck('chase_tasks', 'kind', ['phone_mp_office'])}`);
    await q.query(`ALTER TABLE chase_tasks DROP CONSTRAINT chase_tasks_cancel_reason_check,
      ADD ${enumCheck('chase_tasks', 'cancel_reason', REASONS_BEFORE)}`);
    await q.query(`ALTER TABLE scheduled_emails DROP CONSTRAINT scheduled_emails_cancel_reason_check,
      ADD ${enumCheck('scheduled_emails', 'cancel_reason', REASONS_BEFORE)}`);
    await q.query(`ALTER TABLE mps DROP COLUMN address_failing_since, DROP COLUMN address_failing_email`);
  }
}
