import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enumCheck } from '../sql-values';

const CANCEL_REASONS = [
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
const ERASURE_STATUSES = ['in_progress', 'completed'];
const ERASURE_STEPS = ['cancel_mail', 'tombstone', 'messages', 'case_records', 'audit_details', 'supporter'];
const TOMBSTONE_KINDS = ['sender', 'message_id', 'raw_sha256'];
const SUBJECT_ACCESS_STATUSES = ['received', 'in_progress', 'completed', 'refused'];

/**
 * Data protection (issue 12): erasure records, intake's tombstones (hashes only, so a redelivered or
 * re-polled email of an erased supporter is refused and counted, never stored), subject access requests,
 * the cancel reasons `supporter_deleted` and `supporter_erased`, and an audit trigger that lets an erasure
 * strip personal data from an event's details (and nothing else).
 */
export class Privacy1700000007400 implements MigrationInterface {
  name = 'Privacy1700000007400';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['scheduled_emails', 'chase_tasks']) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_cancel_reason_check, ADD ${enumCheck(table, 'cancel_reason', CANCEL_REASONS)}`,
      );
    }
    await q.query(`
      CREATE TABLE supporter_erasures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supporter_id uuid NOT NULL UNIQUE REFERENCES supporters(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        ${enumCheck('supporter_erasures', 'status', ERASURE_STATUSES)},
        status text NOT NULL DEFAULT 'in_progress',
        steps_done text[] NOT NULL DEFAULT '{}',
        ${enumCheck('supporter_erasures', 'steps_done', ERASURE_STEPS, { array: true })},
        counts jsonb NOT NULL DEFAULT '{}'::jsonb,
        requested_by uuid REFERENCES staff_users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CHECK ((status = 'completed') = (completed_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE intake_tombstones (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        ${enumCheck('intake_tombstones', 'kind', TOMBSTONE_KINDS)},
        hash bytea NOT NULL,
        erasure_id uuid REFERENCES supporter_erasures(id),
        refused integer NOT NULL DEFAULT 0,
        last_refused_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, hash)
      )`);
    await q.query(`
      CREATE TABLE subject_access_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supporter_id uuid NOT NULL REFERENCES supporters(id),
        received_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'received',
        ${enumCheck('subject_access_requests', 'status', SUBJECT_ACCESS_STATUSES)},
        handled_by uuid REFERENCES staff_users(id),
        notes text CHECK (length(notes) <= 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX subject_access_requests_supporter_idx ON subject_access_requests (supporter_id)`);
    await q.query(`CREATE INDEX subject_access_requests_due_idx ON subject_access_requests (due_at)`);
    // Still append-only, except that an erasure (which sets campaign_desk.audit_redaction for its transaction)
    // may replace an event's details with a de-identified copy marked `redacted`; who, what, which record and
    // when never change.
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('campaign_desk.audit_redaction', true) = 'on'
           AND (NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.ip)
               IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.ip)
           AND NEW.details ? 'redacted' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await q.query(`DROP TABLE subject_access_requests`);
    await q.query(`DROP TABLE intake_tombstones`);
    await q.query(`DROP TABLE supporter_erasures`);
    const old = CANCEL_REASONS.filter((r) => r !== 'supporter_deleted' && r !== 'supporter_erased');
    for (const table of ['scheduled_emails', 'chase_tasks']) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_cancel_reason_check, ADD ${enumCheck(table, 'cancel_reason', old)}`,
      );
    }
  }
}
