import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../sql-values';

export class Foundation1700000000000 implements MigrationInterface {
  name = 'Foundation1700000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`
      CREATE TABLE staff_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email citext NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN (${sqlValues(['admin', 'caseworker', 'viewer'])})),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX staff_users_name_idx ON staff_users (lower(name))`);
    await q.query(`
      CREATE TABLE staff_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip inet,
        user_agent text
      )`);
    await q.query(`CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id)`);
    await q.query(`CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at)`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES staff_users(id),
        action text NOT NULL,
        entity_type text,
        entity_id text,
        ip inet,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at DESC)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC)`);
    // Append-only: the application role may insert and read, never rewrite history.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE staff_sessions`);
    await q.query(`DROP TABLE staff_users`);
  }
}
