import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { MpActionType, MpResponseKind } from '@campaign-desk/contracts';
import { importDirectory } from './directory';
import { prepareTestEnv, signedInAgent, startApi, type TestEnv } from './test-app';

/** The whole API on a database of its own with the directory imported, and a signed-in caseworker and viewer. */
export async function startReportsApi(): Promise<{
  env: TestEnv;
  app: NestExpressApplication;
  caseworker: Awaited<ReturnType<typeof signedInAgent>>;
  viewer: Awaited<ReturnType<typeof signedInAgent>>;
}> {
  const env = await prepareTestEnv();
  const app = await startApi();
  await importDirectory(app);
  return { env, app, caseworker: await signedInAgent(app, 'caseworker'), viewer: await signedInAgent(app, 'viewer') };
}

/**
 * Engagement fixtures for the report tests, written straight into the base tables (the read model's
 * triggers are what is under test, and exact dates matter more than going through each API).
 * Instants are noon UTC, so the London date is the date written.
 */
export const noon = (date: string) => `${date}T12:00:00Z`;
export const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function insertContact(
  db: Client,
  caseId: string,
  date: string,
  over: { direction?: 'outbound' | 'inbound'; mpId?: number | null } = {},
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO mp_contacts (id, case_id, mp_id, channel, direction, contacted_by, contacted_at)
     VALUES ($1, $2, coalesce($3, (SELECT mp_id FROM cases WHERE id = $2)), 'letter', $4, 'supporter', $5)`,
    [id, caseId, over.mpId ?? null, over.direction ?? 'outbound', noon(date)],
  );
  return id;
}

/** A response on `date`, to the given contact, or (contactId null) to whichever the case's latest contact was. */
export async function insertResponse(
  db: Client,
  caseId: string,
  contactId: string | null,
  date: string,
  kind: MpResponseKind = 'acknowledgement',
): Promise<void> {
  await db.query(
    `INSERT INTO mp_responses (case_id, mp_contact_id, mp_id, kind, received_at, source)
     VALUES ($1, $2, (SELECT mp_id FROM cases WHERE id = $1), $3, $4, 'staff')`,
    [caseId, contactId, kind, noon(date)],
  );
}

export async function insertChase(
  db: Client,
  caseId: string,
  contactId: string | null,
  status: 'sent' | 'scheduled' | 'cancelled',
  date: string,
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO scheduled_emails (id, case_id, mp_contact_id, kind, recipient_kind, status, due_at, sent_at, cancelled_at, cancel_reason,
                                   subject, body, rfc_message_id)
     VALUES ($1, $2, $3, 'mp_chase', 'mp', $4::text, $5::timestamptz, CASE WHEN $4::text = 'sent' THEN $5::timestamptz END,
             CASE WHEN $4::text = 'cancelled' THEN $5::timestamptz END, CASE WHEN $4::text = 'cancelled' THEN 'staff' END,
             'Following up', 'Dear MP', $6)`,
    [id, caseId, contactId, status, date.length === 10 ? noon(date) : date, `${id}@reports.test`],
  );
  return id;
}

export async function insertMeeting(
  db: Client,
  caseId: string,
  status: 'upcoming' | 'held' | 'cancelled',
  date: string,
): Promise<void> {
  await db.query(
    `INSERT INTO meetings (case_id, mp_id, type, status, starts_at) VALUES ($1, (SELECT mp_id FROM cases WHERE id = $1), 'in_person', $2, $3)`,
    [caseId, status, noon(date)],
  );
}

export async function insertAction(db: Client, caseId: string, type: MpActionType, date: string): Promise<void> {
  await db.query(
    `INSERT INTO mp_actions (case_id, mp_id, type, action_date) VALUES ($1, (SELECT mp_id FROM cases WHERE id = $1), $2, $3)`,
    [caseId, type, date],
  );
}

/** Parses the reports' CSV (RFC 4180 quoting) into header and rows of strings. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i++;
    } else field += ch;
  }
  const [header, ...rows] = records;
  return { header, rows };
}
