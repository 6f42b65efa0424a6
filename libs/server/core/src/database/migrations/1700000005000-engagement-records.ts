import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../sql-values';

const MEETING_TYPES = sqlValues(['in_person', 'virtual', 'surgery']);
const MEETING_STATUSES = sqlValues(['upcoming', 'held', 'cancelled']);
const ACTION_OWNERS = sqlValues(['mp', 'trust', 'charity', 'supporter']);
const MP_ACTION_TYPES = sqlValues([
  'wrote_to_trust_ceo',
  'raised_with_minister',
  'asked_pmq',
  'written_question',
  'met_supporter',
  'other',
]);
const LETTER_ASKS = sqlValues([
  'write_to_trust_ceo',
  'raise_with_health_minister',
  'ask_question_in_parliament',
  'meet_supporter',
]);

/** Version 1 of the supporter's letter to their MP (admins edit it with the email templates; each edit is a new version). */
const MP_LETTER_SUBJECT = 'My cancer care: a letter from your constituent {{supporter.name}}';
const MP_LETTER_BODY = [
  '{{supporter.name}}',
  '{{supporter.address}}',
  '{{supporter.postcode}}',
  '',
  '{{letter.date}}',
  '',
  '{{mp.fullTitle}}',
  'House of Commons',
  'London',
  'SW1A 0AA',
  '',
  'Dear {{mp.name}},',
  '',
  'I am writing to you as your constituent, living at the postcode above, about my cancer care.',
  '',
  '{{letter.story}}',
  '',
  'I would be grateful if you would:',
  '{{#asks}}- {{text}}\n{{/asks}}',
  'Thank you for taking the time to read my letter. I look forward to hearing from you.',
  '',
  'Yours sincerely,',
  '',
  '',
  '',
  '{{supporter.name}}',
].join('\n');

/**
 * Issue 7's engagement records: meetings with their agreed actions, what MPs did (MP actions), and the
 * supporter's letters to their MP. Beside issue 6's mp_contacts and mp_responses.
 */
export class EngagementRecords1700000005000 implements MigrationInterface {
  name = 'EngagementRecords1700000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO email_templates (key, version, subject, body) VALUES ('mp_letter', 1, $1, $2)`, [
      MP_LETTER_SUBJECT,
      MP_LETTER_BODY,
    ]);

    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        mp_id integer REFERENCES mps(id),
        type text NOT NULL CHECK (type IN (${MEETING_TYPES})),
        status text NOT NULL CHECK (status IN (${MEETING_STATUSES})),
        starts_at timestamptz NOT NULL,
        location text CHECK (length(location) <= 1000),
        attendees text CHECK (length(attendees) <= 2000),
        checklist jsonb NOT NULL DEFAULT '{}'::jsonb,
        notes text CHECK (length(notes) <= 20000),
        thank_you_email_id uuid REFERENCES scheduled_emails(id),
        recorded_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meetings_case_idx ON meetings (case_id, starts_at, id)`);
    await q.query(`CREATE INDEX meetings_mp_idx ON meetings (mp_id, starts_at, id)`);
    await q.query(`CREATE INDEX meetings_starts_idx ON meetings (starts_at, id)`);

    await q.query(`
      CREATE TABLE agreed_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        owner text NOT NULL CHECK (owner IN (${ACTION_OWNERS})),
        due_date date,
        chase boolean NOT NULL DEFAULT false,
        chase_email_id uuid REFERENCES scheduled_emails(id),
        done_at timestamptz,
        position smallint NOT NULL DEFAULT 0 CHECK (position >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (NOT chase OR due_date IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX agreed_actions_case_idx ON agreed_actions (case_id, created_at)`);
    await q.query(`CREATE INDEX agreed_actions_meeting_idx ON agreed_actions (meeting_id)`);
    await q.query(`CREATE INDEX agreed_actions_due_idx ON agreed_actions (due_date) WHERE done_at IS NULL`);

    await q.query(`
      CREATE TABLE mp_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        mp_id integer REFERENCES mps(id),
        type text NOT NULL CHECK (type IN (${MP_ACTION_TYPES})),
        action_date date NOT NULL,
        evidence_url text CHECK (evidence_url ~ '^https?://' AND length(evidence_url) <= 2000),
        summary text CHECK (length(summary) <= 5000),
        recorded_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mp_actions_case_idx ON mp_actions (case_id, action_date, id)`);
    await q.query(`CREATE INDEX mp_actions_mp_idx ON mp_actions (mp_id, action_date, id)`);
    await q.query(`CREATE INDEX mp_actions_date_type_idx ON mp_actions (action_date, type)`);
    await q.query(`CREATE INDEX mp_actions_created_idx ON mp_actions (created_at, id)`);

    await q.query(`
      CREATE TABLE letters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        mp_id integer REFERENCES mps(id),
        template_key text,
        template_version integer,
        asks text[] NOT NULL DEFAULT '{}' CHECK (asks <@ ARRAY[${LETTER_ASKS}]::text[]),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN (${sqlValues(['draft', 'sent'])})),
        sent_channel text CHECK (sent_channel IN (${sqlValues(['letter', 'email'])})),
        mp_contact_id uuid REFERENCES mp_contacts(id),
        created_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL AND sent_channel IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX letters_case_idx ON letters (case_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX letters_sent_idx ON letters (sent_at) WHERE sent_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE letters`);
    await q.query(`DROP TABLE mp_actions`);
    await q.query(`DROP TABLE agreed_actions`);
    await q.query(`DROP TABLE meetings`);
    await q.query(`DELETE FROM email_templates WHERE key = 'mp_letter'`);
  }
}
