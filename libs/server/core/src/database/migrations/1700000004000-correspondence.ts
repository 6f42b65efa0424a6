import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValues } from '../sql-values';

const KINDS = sqlValues([
  'reply',
  'supporter_checkin',
  'checkin_reminder',
  'mp_chase',
  'meeting_thank_you',
  'action_chase',
  'mp_email',
]);
const EMAIL_STATUSES = sqlValues(['scheduled', 'sending', 'sent', 'failed', 'cancelled', 'unknown']);
const CANCEL_REASONS = sqlValues([
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
]);

/** Version 1 of every template (admins edit them afterwards; each edit is a new version). */
const DEFAULT_TEMPLATES: [key: string, subject: string, body: string][] = [
  [
    'reply',
    'Your case with the campaigns team',
    'Dear {{supporter.firstName}},\n\n\n\nBest wishes,\n{{staff.name}}\nCampaigns team',
  ],
  [
    'supporter_checkin',
    'Has your MP replied?',
    [
      'Dear {{supporter.firstName}},',
      '',
      'On {{contact.date}} {{mp.name}} was contacted about your care. It is {{contact.daysAgo}} days since then, and we would like to know whether they have replied.',
      '',
      'Please click the answer that fits:',
      '',
      'Yes, my MP has replied: {{checkin.yesUrl}}',
      'Only an acknowledgement so far: {{checkin.acknowledgementUrl}}',
      'No, nothing yet: {{checkin.noUrl}}',
      '',
      'If nothing has come yet, we will follow it up with their office for you.',
      '',
      'Best wishes,',
      'Campaigns team',
    ].join('\n'),
  ],
  [
    'checkin_reminder',
    'A quick reminder: has your MP replied?',
    [
      'Dear {{supporter.firstName}},',
      '',
      'We wrote a week ago to ask whether {{mp.name}} has replied. One click lets us know:',
      '',
      'Yes, my MP has replied: {{checkin.yesUrl}}',
      'Only an acknowledgement so far: {{checkin.acknowledgementUrl}}',
      'No, nothing yet: {{checkin.noUrl}}',
      '',
      'Best wishes,',
      'Campaigns team',
    ].join('\n'),
  ],
  [
    'mp_chase',
    'Following up: your constituent {{supporter.name}}',
    [
      'Dear {{mp.name}},',
      '',
      'On {{contact.date}} your constituent {{supporter.name}} ({{supporter.postcode}}) contacted you about the cancer care they are receiving. We have not yet seen a reply and would be grateful if your office could let them know what you are able to do.',
      '',
      'Yours sincerely,',
      'Campaigns team',
    ].join('\n'),
  ],
  [
    'meeting_thank_you',
    'Thank you for meeting {{supporter.name}}',
    [
      'Dear {{mp.name}},',
      '',
      'Thank you for meeting your constituent {{supporter.name}}. As agreed:',
      '',
      '{{#actions}}- {{description}} ({{owner}}{{#dueDate}}, by {{dueDate}}{{/dueDate}})\n{{/actions}}',
      'Yours sincerely,',
      '{{staff.name}}',
      'Campaigns team',
    ].join('\n'),
  ],
  [
    'action_chase',
    'Following up: {{action.description}}',
    [
      'Dear {{mp.name}},',
      '',
      'When you met your constituent {{supporter.name}} it was agreed that {{action.owner}} would: {{action.description}} by {{action.dueDate}}. Could your office let us know how this is going?',
      '',
      'Yours sincerely,',
      'Campaigns team',
    ].join('\n'),
  ],
  [
    'mp_email',
    'Your constituent {{supporter.name}}',
    'Dear {{mp.name}},\n\n\n\nYours sincerely,\n{{staff.name}}\nCampaigns team',
  ],
];

/**
 * Outbound email and chase-ups (issue 6): versioned templates, the scheduled_emails outbox, the chase
 * plan's settings and telephone tasks, check-in answers, and the MP contacts and responses of the
 * engagement lib (issue 7 adds meetings and actions beside them).
 */
export class Correspondence1700000004000 implements MigrationInterface {
  name = 'Correspondence1700000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_templates (
        key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,49}$'),
        version integer NOT NULL CHECK (version >= 1),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES staff_users(id),
        PRIMARY KEY (key, version)
      )`);
    for (const [key, subject, body] of DEFAULT_TEMPLATES) {
      await q.query(`INSERT INTO email_templates (key, version, subject, body) VALUES ($1, 1, $2, $3)`, [
        key,
        subject,
        body,
      ]);
    }

    await q.query(`
      CREATE TABLE mp_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        mp_id integer REFERENCES mps(id),
        channel text NOT NULL CHECK (channel IN (${sqlValues(['letter', 'email', 'phone', 'meeting', 'surgery'])})),
        direction text NOT NULL CHECK (direction IN (${sqlValues(['outbound', 'inbound'])})),
        contacted_by text NOT NULL CHECK (contacted_by IN (${sqlValues(['supporter', 'charity'])})),
        contacted_at timestamptz NOT NULL,
        summary text CHECK (length(summary) <= 5000),
        recorded_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mp_contacts_case_idx ON mp_contacts (case_id, contacted_at DESC, id)`);
    await q.query(`CREATE INDEX mp_contacts_mp_idx ON mp_contacts (mp_id, contacted_at, id)`);
    await q.query(`CREATE INDEX mp_contacts_contacted_idx ON mp_contacts (contacted_at, id)`);
    await q.query(`CREATE INDEX mp_contacts_created_idx ON mp_contacts (created_at, id)`);
    await q.query(`CREATE INDEX mp_contacts_channel_idx ON mp_contacts (channel, direction, contacted_at)`);

    await q.query(`
      CREATE TABLE mp_responses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        mp_contact_id uuid REFERENCES mp_contacts(id),
        mp_id integer REFERENCES mps(id),
        kind text NOT NULL CHECK (kind IN (${sqlValues(['acknowledgement', 'substantive', 'declined'])})),
        received_at timestamptz NOT NULL,
        summary text CHECK (length(summary) <= 5000),
        message_id uuid REFERENCES messages(id),
        source text NOT NULL CHECK (source IN (${sqlValues(['staff', 'supporter_checkin'])})),
        recorded_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mp_responses_case_idx ON mp_responses (case_id, received_at DESC, id)`);
    await q.query(`CREATE INDEX mp_responses_mp_idx ON mp_responses (mp_id, received_at, id)`);
    await q.query(`CREATE INDEX mp_responses_contact_idx ON mp_responses (mp_contact_id)`);

    // The outbox. Postgres is the source of truth; a BullMQ job (jobId = id) is derived from each row.
    await q.query(`
      CREATE TABLE scheduled_emails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        supporter_id uuid REFERENCES supporters(id),
        mp_contact_id uuid REFERENCES mp_contacts(id),
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        recipient_kind text NOT NULL CHECK (recipient_kind IN (${sqlValues(['supporter', 'mp'])})),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN (${EMAIL_STATUSES})),
        due_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        template_key text,
        template_version integer,
        subject text CHECK (length(subject) <= 300),
        body text CHECK (length(body) <= 50000),
        context jsonb NOT NULL DEFAULT '{}'::jsonb,
        rfc_message_id text NOT NULL UNIQUE,
        in_reply_to text,
        "references" text[] NOT NULL DEFAULT '{}',
        recipient_address citext,
        claimed_at timestamptz,
        delivery_started_at timestamptz,
        sent_at timestamptz,
        message_id uuid REFERENCES messages(id),
        bounced_at timestamptz,
        cancelled_at timestamptz,
        cancel_reason text CHECK (cancel_reason IN (${CANCEL_REASONS})),
        cancelled_by uuid REFERENCES staff_users(id),
        last_error text,
        last_response_code integer,
        created_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (template_key IS NOT NULL OR (subject IS NOT NULL AND body IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
        CHECK (status <> 'sent' OR sent_at IS NOT NULL)
      )`);
    // What the reconciler and the cancellations read: rows still to send, by due time and by case/supporter.
    await q.query(
      `CREATE INDEX scheduled_emails_pending_idx ON scheduled_emails (due_at, id) WHERE status IN ('scheduled', 'sending')`,
    );
    await q.query(
      `CREATE INDEX scheduled_emails_case_pending_idx ON scheduled_emails (case_id) WHERE status IN ('scheduled', 'sending')`,
    );
    await q.query(
      `CREATE INDEX scheduled_emails_supporter_pending_idx ON scheduled_emails (supporter_id) WHERE status IN ('scheduled', 'sending')`,
    );
    // The resource's filters and sorts.
    await q.query(`CREATE INDEX scheduled_emails_due_idx ON scheduled_emails (due_at, id)`);
    await q.query(`CREATE INDEX scheduled_emails_created_idx ON scheduled_emails (created_at, id)`);
    await q.query(`CREATE INDEX scheduled_emails_updated_idx ON scheduled_emails (updated_at, id)`);
    await q.query(`CREATE INDEX scheduled_emails_case_idx ON scheduled_emails (case_id, due_at, id)`);
    await q.query(`CREATE INDEX scheduled_emails_status_idx ON scheduled_emails (status, due_at, id)`);
    await q.query(`CREATE INDEX scheduled_emails_kind_idx ON scheduled_emails (kind, due_at, id)`);
    await q.query(`CREATE INDEX scheduled_emails_supporter_idx ON scheduled_emails (supporter_id, due_at, id)`);
    await q.query(
      `CREATE INDEX scheduled_emails_contact_idx ON scheduled_emails (mp_contact_id) WHERE mp_contact_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX scheduled_emails_message_idx ON scheduled_emails (message_id) WHERE message_id IS NOT NULL`,
    );

    // The caseworker's telephone call after the last chase (not an email, so not in the outbox).
    await q.query(`
      CREATE TABLE chase_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        mp_contact_id uuid REFERENCES mp_contacts(id),
        kind text NOT NULL DEFAULT 'phone_mp_office' CHECK (kind IN (${sqlValues(['phone_mp_office'])})),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN (${sqlValues(['open', 'done', 'cancelled'])})),
        cancel_reason text CHECK (cancel_reason IN (${CANCEL_REASONS})),
        cancelled_at timestamptz,
        completed_at timestamptz,
        completed_by uuid REFERENCES staff_users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
        CHECK ((status = 'done') = (completed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX chase_tasks_case_idx ON chase_tasks (case_id, due_at, id)`);
    await q.query(`CREATE INDEX chase_tasks_status_idx ON chase_tasks (status, due_at, id)`);
    await q.query(`CREATE INDEX chase_tasks_due_idx ON chase_tasks (due_at, id)`);
    await q.query(`CREATE INDEX chase_tasks_created_idx ON chase_tasks (created_at, id)`);

    // One row (admins' chase plan); absent, the CHASE_* settings apply.
    await q.query(`
      CREATE TABLE chase_plan_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        checkin_days integer NOT NULL CHECK (checkin_days BETWEEN 1 AND 365),
        reminder_days integer NOT NULL CHECK (reminder_days BETWEEN 1 AND 365),
        mp_chase_days integer[] NOT NULL,
        phone_task_days integer NOT NULL CHECK (phone_task_days BETWEEN 1 AND 365),
        updated_by uuid REFERENCES staff_users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A check-in answered once: the unique scheduled email (check-in or reminder) and the unique contact make the links single-use.
    await q.query(`
      CREATE TABLE checkin_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        mp_contact_id uuid UNIQUE REFERENCES mp_contacts(id),
        scheduled_email_id uuid NOT NULL UNIQUE REFERENCES scheduled_emails(id),
        answer text NOT NULL CHECK (answer IN (${sqlValues(['yes', 'acknowledgement', 'no'])})),
        answered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX checkin_answers_case_idx ON checkin_answers (case_id, answered_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE checkin_answers`);
    await q.query(`DROP TABLE chase_plan_settings`);
    await q.query(`DROP TABLE chase_tasks`);
    await q.query(`DROP TABLE scheduled_emails`);
    await q.query(`DROP TABLE mp_responses`);
    await q.query(`DROP TABLE mp_contacts`);
    await q.query(`DROP TABLE email_templates`);
  }
}
