import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../sql-values';

const STATUSES = sqlValues([
  'new',
  'triaged',
  'in_progress',
  'awaiting_mp',
  'mp_responded',
  'follow_up',
  'on_hold',
  'closed',
]);
const OUTCOMES = sqlValues(['resolved', 'unresolved', 'withdrawn', 'duplicate']);
const PRIORITIES = sqlValues(['low', 'normal', 'high', 'urgent']);
const TOPICS = sqlValues([
  'diagnosis_delay',
  'treatment_waiting_time',
  'access_to_medicines',
  'quality_of_care',
  'communication',
  'other',
]);

/**
 * Cases (issue 5): the case with its workflow and SLA columns, status and assignment history,
 * notes, and the round-robin cursor for auto-assignment.
 *
 * The case keeps copies of what its lists filter, sort and search on from other domains
 * (supporter name and email, nation, region, MP name and party, a tsvector of its messages),
 * written by the cases lib when it learns them, so a list is one indexed query on one table.
 */
export class Cases1700000003000 implements MigrationInterface {
  name = 'Cases1700000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE case_number_seq AS bigint START 1`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL UNIQUE DEFAULT nextval('case_number_seq'),
        reference text GENERATED ALWAYS AS ('CD-' || number::text) STORED,
        supporter_id uuid NOT NULL REFERENCES supporters(id),
        supporter_name text NOT NULL DEFAULT '',
        supporter_email text NOT NULL DEFAULT '',
        constituency_gss text REFERENCES constituencies(gss_code),
        nation text CHECK (nation IN (${sqlValues(['England', 'Scotland', 'Wales', 'Northern Ireland'])})),
        region text,
        mp_id integer REFERENCES mps(id),
        mp_name text,
        party text,
        topics text[] NOT NULL DEFAULT '{}' CHECK (topics <@ ARRAY[${TOPICS}]::text[]),
        trust text CHECK (length(trust) <= 300),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN (${PRIORITIES})),
        priority_rank smallint GENERATED ALWAYS AS (
          CASE priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END
        ) STORED,
        assignee_id uuid REFERENCES staff_users(id),
        status text NOT NULL DEFAULT 'new' CHECK (status IN (${STATUSES})),
        held_from_status text CHECK (held_from_status IN (${STATUSES}) AND held_from_status NOT IN ('on_hold', 'closed')),
        outcome text CHECK (outcome IN (${OUTCOMES})),
        duplicate_of_id uuid REFERENCES cases(id),
        summary text CHECK (length(summary) <= 50000),
        first_response_due_at timestamptz,
        first_responded_at timestamptz,
        next_update_due_at timestamptz,
        sla_due_at timestamptz,
        sla_sort timestamptz GENERATED ALWAYS AS (coalesce(sla_due_at, 'infinity'::timestamptz)) STORED,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        search_messages tsvector NOT NULL DEFAULT ''::tsvector,
        -- Set when intake files a new message into the case: its search is rebuilt before the next search runs.
        search_stale_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', 'cd ' || number::text), 'A') ||
          setweight(to_tsvector('simple', supporter_name), 'B') ||
          setweight(to_tsvector('simple', supporter_email || ' ' || regexp_replace(supporter_email, '[@.+_-]', ' ', 'g')), 'C') ||
          search_messages
        ) STORED,
        CHECK ((status = 'on_hold') = (held_from_status IS NOT NULL)),
        CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL)),
        CHECK ((outcome IS NOT DISTINCT FROM 'duplicate') = (duplicate_of_id IS NOT NULL)),
        CHECK (duplicate_of_id <> id),
        CHECK (sla_due_at IS NULL OR status NOT IN ('on_hold', 'closed'))
      )`);

    // Every offered sort, with id as the tie-breaker keyset pages compare on. sla_sort also serves the overdue view (sla_sort < now).
    const sorts = { created: 'created_at', updated: 'updated_at', priority: 'priority_rank', sla: 'sla_sort' };
    for (const [name, column] of Object.entries(sorts)) {
      await q.query(`CREATE INDEX cases_${name}_sort_idx ON cases (${column}, id)`);
    }
    // Equality filters, each leading an index that also serves the default sort (newest first).
    const filters = {
      status: 'status',
      assignee: 'assignee_id',
      priority: 'priority',
      supporter: 'supporter_id',
      constituency: 'constituency_gss',
      mp: 'mp_id',
      party: 'party',
      nation: 'nation',
      region: 'region',
    };
    for (const [name, column] of Object.entries(filters)) {
      await q.query(`CREATE INDEX cases_${name}_idx ON cases (${column}, created_at, id)`);
    }
    // The saved views: on hold, awaiting the MP for 21 days, closed this month read status + status_changed_at.
    await q.query(`CREATE INDEX cases_status_changed_idx ON cases (status, status_changed_at, id)`);
    await q.query(`CREATE INDEX cases_mine_idx ON cases (assignee_id, created_at, id) WHERE status <> 'closed'`);
    await q.query(
      `CREATE INDEX cases_unassigned_idx ON cases (created_at, id) WHERE assignee_id IS NULL AND status <> 'closed'`,
    );
    await q.query(`CREATE INDEX cases_topics_idx ON cases USING gin (topics)`);
    await q.query(`CREATE INDEX cases_search_idx ON cases USING gin (search)`);
    await q.query(`CREATE INDEX cases_search_stale_idx ON cases (search_stale_at) WHERE search_stale_at IS NOT NULL`);
    await q.query(`CREATE INDEX cases_duplicate_of_idx ON cases (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_status_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        outcome text CHECK (outcome IN (${OUTCOMES})),
        duplicate_of_id uuid REFERENCES cases(id),
        actor_id uuid REFERENCES staff_users(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_status_changes_case_idx ON case_status_changes (case_id, at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE case_assignments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        from_assignee_id uuid REFERENCES staff_users(id),
        to_assignee_id uuid REFERENCES staff_users(id),
        method text NOT NULL CHECK (method IN (${sqlValues(['manual', 'bulk', 'auto'])})),
        actor_id uuid REFERENCES staff_users(id),
        at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_assignee_id IS DISTINCT FROM to_assignee_id)
      )`);
    await q.query(`CREATE INDEX case_assignments_case_idx ON case_assignments (case_id, at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE case_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        author_id uuid NOT NULL REFERENCES staff_users(id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz
      )`);
    await q.query(`CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at DESC, id DESC)`);

    // One row: the caseworker who got the last auto-assigned case. Creators lock it, so round robin holds with many API processes.
    await q.query(`
      CREATE TABLE case_auto_assign_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        last_assignee_id uuid REFERENCES staff_users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO case_auto_assign_state (id) VALUES (1)`);

    await q.query(
      `ALTER TABLE messages ADD CONSTRAINT messages_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases(id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_case_id_fkey`);
    await q.query(`DROP TABLE case_auto_assign_state`);
    await q.query(`DROP TABLE case_notes`);
    await q.query(`DROP TABLE case_assignments`);
    await q.query(`DROP TABLE case_status_changes`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP SEQUENCE case_number_seq`);
  }
}
