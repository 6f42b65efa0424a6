import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../sql-values';

const CLASSIFICATIONS = sqlValues(['request', 'reply', 'auto_reply', 'bounce', 'read_receipt', 'spam']);
const TOPICS = sqlValues([
  'diagnosis_delay',
  'treatment_waiting_time',
  'access_to_medicines',
  'quality_of_care',
  'communication',
  'other',
]);
const PRIORITIES = sqlValues(['low', 'normal', 'high', 'urgent']);

/** Default triage keyword rules (admin-editable afterwards). */
const DEFAULT_RULES: [keyword: string, topic: string | null, priority: string | null][] = [
  ['terminal', null, 'urgent'],
  ['palliative', null, 'urgent'],
  ['end of life', null, 'urgent'],
  ['hospice', null, 'urgent'],
  ['spread', 'diagnosis_delay', 'high'],
  ['cancelled surgery', 'treatment_waiting_time', 'high'],
  ['cancelled operation', 'treatment_waiting_time', 'high'],
  ['surgery was cancelled', 'treatment_waiting_time', 'high'],
  ['waiting weeks', 'treatment_waiting_time', 'high'],
  ['waiting months', 'treatment_waiting_time', 'high'],
  ['waiting list', 'treatment_waiting_time', null],
  ['chemotherapy', 'treatment_waiting_time', null],
  ['radiotherapy', 'treatment_waiting_time', null],
  ['two week wait', 'diagnosis_delay', 'high'],
  ['referral', 'diagnosis_delay', null],
  ['misdiagnosed', 'diagnosis_delay', 'high'],
  ['scan results', 'diagnosis_delay', null],
  ['biopsy', 'diagnosis_delay', null],
  ['not approved', 'access_to_medicines', null],
  ['drug', 'access_to_medicines', null],
  ['medication', 'access_to_medicines', null],
  ['funding', 'access_to_medicines', null],
  ['nobody called', 'communication', null],
  ['no one has called', 'communication', null],
  ['not been told', 'communication', null],
  ['no reply', 'communication', null],
  ['complaint', 'quality_of_care', null],
  ['neglect', 'quality_of_care', 'high'],
  ['nursing care', 'quality_of_care', null],
];

/**
 * Email intake (issue 4): raw MIME stored before parsing, parsed messages with their attachments,
 * quarantine records, and the triage keyword rules. case_id and supporter_id have no foreign keys
 * yet: cases arrive with a later issue.
 */
export class Intake1700000002000 implements MigrationInterface {
  name = 'Intake1700000002000';

  async up(q: QueryRunner): Promise<void> {
    // dedupe_key is the Message-ID (or the sha256 of the bytes when there is none): one row per message, whatever the channel.
    await q.query(`
      CREATE TABLE raw_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        rfc_message_id text,
        sha256 bytea NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        source text NOT NULL CHECK (source IN (${sqlValues(['webhook', 'imap', 'upload'])})),
        uploaded_by uuid REFERENCES staff_users(id),
        raw bytea COMPRESSION lz4 NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN (${sqlValues(['pending', 'parsed', 'quarantined'])})),
        parse_failures integer NOT NULL DEFAULT 0,
        last_error text,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        parsed_at timestamptz
      )`);
    await q.query(`CREATE INDEX raw_messages_unparsed_idx ON raw_messages (received_at) WHERE status = 'pending'`);

    await q.query(`
      CREATE TABLE message_quarantine (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        raw_message_id uuid NOT NULL UNIQUE REFERENCES raw_messages(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN (${sqlValues(['too_large', 'header_too_large', 'too_many_parts', 'parse_timeout', 'parse_memory', 'parse_error', 'no_content', 'repeated_failure'])})),
        detail text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX message_quarantine_created_idx ON message_quarantine (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX message_quarantine_reason_idx ON message_quarantine (reason, created_at DESC)`);

    // Inbound messages share their id with their raw_messages row; outbound ones have no raw row.
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        raw_message_id uuid UNIQUE REFERENCES raw_messages(id),
        direction text NOT NULL CHECK (direction IN (${sqlValues(['in', 'out'])})),
        rfc_message_id text,
        in_reply_to text,
        "references" text[] NOT NULL DEFAULT '{}',
        from_address citext,
        from_name text,
        to_addresses jsonb NOT NULL DEFAULT '[]'::jsonb,
        cc_addresses jsonb NOT NULL DEFAULT '[]'::jsonb,
        subject text NOT NULL DEFAULT '',
        text_body text NOT NULL DEFAULT '',
        quoted_text text NOT NULL DEFAULT '',
        html_sanitised text,
        has_remote_images boolean NOT NULL DEFAULT false,
        snippet text NOT NULL DEFAULT '',
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        sent_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        classification text CHECK (classification IN (${CLASSIFICATIONS})),
        classification_rule text,
        status text NOT NULL CHECK (status IN (${sqlValues(['new', 'triaged', 'not_a_request', 'linked', 'ignored', 'sent', 'bounced'])})),
        case_id uuid,
        case_reference text,
        supporter_id uuid,
        related_message_id uuid REFERENCES messages(id),
        thread_match text CHECK (thread_match IN (${sqlValues(['in_reply_to', 'references', 'subject_reference'])})),
        bounced_at timestamptz,
        parse_warnings text[] NOT NULL DEFAULT '{}',
        triaged_by uuid REFERENCES staff_users(id),
        triaged_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(from_name, '') || ' ' || coalesce(from_address::text, '') || ' ' || left(text_body, 20000))
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (direction = 'out' OR classification IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX messages_received_idx ON messages (received_at DESC, id DESC)`);
    await q.query(`CREATE INDEX messages_rfc_id_idx ON messages (rfc_message_id) WHERE rfc_message_id IS NOT NULL`);
    await q.query(`CREATE INDEX messages_classification_idx ON messages (classification, received_at DESC)`);
    await q.query(`CREATE INDEX messages_status_idx ON messages (status, received_at DESC)`);
    await q.query(`CREATE INDEX messages_direction_idx ON messages (direction, received_at DESC)`);
    await q.query(`CREATE INDEX messages_case_idx ON messages (case_id, received_at DESC) WHERE case_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX messages_supporter_idx ON messages (supporter_id, received_at DESC) WHERE supporter_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX messages_case_reference_idx ON messages (case_reference) WHERE case_id IS NOT NULL AND case_reference IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX messages_related_idx ON messages (related_message_id) WHERE related_message_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX messages_search_idx ON messages USING gin (search)`);
    // The triage inbox: unthreaded inbound requests not yet triaged, newest first.
    await q.query(`
      CREATE INDEX messages_triage_idx ON messages (received_at DESC, id DESC)
      WHERE direction = 'in' AND classification = 'request' AND status = 'new' AND case_id IS NULL`);

    // Attachment bytes live apart from the message row and are only read for a download.
    await q.query(`
      CREATE TABLE message_attachments (
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        n integer NOT NULL CHECK (n >= 0),
        filename text,
        declared_type text NOT NULL,
        content_type text NOT NULL,
        content_id text,
        inline boolean NOT NULL DEFAULT false,
        size_bytes integer NOT NULL,
        content bytea NOT NULL,
        PRIMARY KEY (message_id, n)
      )`);
    // Mostly already compressed (images, PDFs): do not spend CPU compressing them again.
    await q.query(`ALTER TABLE message_attachments ALTER COLUMN content SET STORAGE EXTERNAL`);

    await q.query(`
      CREATE TABLE triage_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        keyword text NOT NULL CHECK (length(keyword) BETWEEN 2 AND 100),
        topic text CHECK (topic IN (${TOPICS})),
        priority text CHECK (priority IN (${PRIORITIES})),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (topic IS NOT NULL OR priority IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX triage_rules_keyword_idx ON triage_rules (lower(keyword))`);
    await q.query(`CREATE INDEX triage_rules_created_idx ON triage_rules (created_at DESC, id)`);
    for (const [keyword, topic, priority] of DEFAULT_RULES) {
      await q.query(`INSERT INTO triage_rules (keyword, topic, priority) VALUES ($1, $2, $3)`, [
        keyword,
        topic,
        priority,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE triage_rules`);
    await q.query(`DROP TABLE message_attachments`);
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE message_quarantine`);
    await q.query(`DROP TABLE raw_messages`);
  }
}
