import type { Response } from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { withDb } from './test-database';

/** The inbound webhook token the intake tests configure (INBOUND_TOKEN). */
export const INBOUND_TOKEN = 'test-inbound-token-0123456789abcdef';

export function postEmail(app: INestApplication, raw: Buffer | string, token: string | null = INBOUND_TOKEN) {
  const req = request(app.getHttpServer()).post('/api/inbound/email').set('Content-Type', 'message/rfc822');
  if (token !== null) req.set('Authorization', `Bearer ${token}`);
  return req.send(Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
}

export function uniqueId(label = 'msg'): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@test.campaign-desk.local`;
}

/** A small RFC 822 message; `headers` are added above the body as given. */
export function email(
  options: {
    from?: string;
    subject?: string;
    messageId?: string | null;
    body?: string;
    headers?: Record<string, string>;
  } = {},
): Buffer {
  const lines = [
    `From: ${options.from ?? 'Sam Supporter <sam@example.org>'}`,
    'To: Campaigns <campaigns@campaign-desk.local>',
    `Subject: ${options.subject ?? 'My mum is waiting for surgery'}`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0000',
  ];
  if (options.messageId !== null) lines.push(`Message-ID: <${options.messageId ?? uniqueId()}>`);
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${value}`);
  lines.push(
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.body ?? 'Hello, please help.',
    '',
  );
  return Buffer.from(lines.join('\r\n'));
}

/** supertest parser (superagent's node response is a readable stream) that keeps a response body as raw bytes (downloads). */
export function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until none of these raw messages is pending any more; answers their final statuses. */
export async function waitForProcessed(
  databaseUrl: string,
  ids: string[],
  timeoutMs = 60_000,
): Promise<Map<string, string>> {
  return waitFor(
    () =>
      withDb(databaseUrl, async (db) => {
        const { rows } = await db.query<{ id: string; status: string }>(
          `SELECT id, status FROM raw_messages WHERE id = ANY($1::uuid[])`,
          [ids],
        );
        if (rows.length !== new Set(ids).size || rows.some((r) => r.status === 'pending')) return null;
        return new Map(rows.map((r) => [r.id, r.status]));
      }),
    timeoutMs,
    `${ids.length} messages to be parsed`,
  );
}

export interface StoredMessageRow {
  id: string;
  direction: string;
  classification: string | null;
  status: string;
  case_id: string | null;
  related_message_id: string | null;
  thread_match: string | null;
  subject: string;
  text_body: string;
  quoted_text: string;
  html_sanitised: string | null;
  bounced_at: Date | null;
}

export async function messageRow(databaseUrl: string, id: string): Promise<StoredMessageRow | null> {
  return withDb(
    databaseUrl,
    async (db) => (await db.query<StoredMessageRow>(`SELECT * FROM messages WHERE id = $1`, [id])).rows[0] ?? null,
  );
}

export async function quarantineRow(
  databaseUrl: string,
  rawId: string,
): Promise<{ id: string; reason: string; detail: string } | null> {
  return withDb(
    databaseUrl,
    async (db) =>
      (await db.query(`SELECT id, reason, detail FROM message_quarantine WHERE raw_message_id = $1`, [rawId]))
        .rows[0] ?? null,
  );
}

/**
 * A minimal case row to thread messages into (messages.case_id references cases since the cases
 * migration): a bare supporter and a case with defaults. Answers its id and `CD-n` reference.
 */
export async function insertCase(databaseUrl: string): Promise<{ id: string; reference: string }> {
  return withDb(databaseUrl, async (db) => {
    const stamp = randomBytes(4).toString('hex');
    const supporter = await db.query(
      `INSERT INTO supporters (name, email, email_normalised) VALUES ($1, $2, $3) RETURNING id`,
      [`Fixture ${stamp}`, `fixture-${stamp}@example.org`, `fixture-${stamp}@example.org`],
    );
    const created = await db.query(`INSERT INTO cases (supporter_id) VALUES ($1) RETURNING id, reference`, [
      supporter.rows[0].id,
    ]);
    return created.rows[0];
  });
}
