import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  CORPUS_MACHINE_CLASSIFICATIONS,
  CORPUS_QUARANTINED,
  corpusFiles,
  corpusMessage,
} from '../support/email-corpus';
import { INBOUND_TOKEN, postEmail, waitForProcessed } from '../support/intake';
import { prepareTestEnv, startApi, startWorker, type TestEnv } from '../support/test-app';
import { withDb } from '../support/test-database';

// Files that carry another file's Message-ID are, by RFC 5322 and invariant 4, the same message:
// the bare-CR twin of a vacation reply, and two variants of one mikel/mail fixture.
const SAME_AS: Record<string, string> = {
  'sisimai__mac-rfc3834-01.eml': 'sisimai__bsd-rfc3834-01.eml',
  'rubymail__attachment_nonascii_filename.eml': 'rubymail__attachment_message_rfc822.eml',
};
/** The DoS-shaped inputs (MANIFEST): each must finish well inside the parse-time cap. */
const PATHOLOGICAL = [
  'mailparser__outofmemory.eml',
  'mailparser__htmllargecallstack.eml',
  'flanker__long-header.eml',
  'postalmime__mimetorture.eml',
];

describe('the real-world corpus through the webhook', () => {
  let env: TestEnv;
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  const receipts = new Map<
    string,
    { messageId: string; status: string; duplicate: boolean; quarantineId: string | null }
  >();

  beforeAll(async () => {
    env = await prepareTestEnv({ INBOUND_TOKEN, INTAKE_PARSE_TIMEOUT_MS: '10000' });
    app = await startApi();
    worker = await startWorker();
    for (const name of corpusFiles()) {
      const res = await postEmail(app, corpusMessage(name));
      if (res.status !== 202) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
      receipts.set(name, res.body);
    }
    await waitForProcessed(env.databaseUrl, [...new Set([...receipts.values()].map((r) => r.messageId))], 120_000);
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });

  const outcome = (rawId: string) =>
    withDb(env.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT r.status, m.classification, m.status AS message_status, m.case_id, q.reason, q.detail,
                extract(epoch FROM r.parsed_at - r.received_at) AS seconds
         FROM raw_messages r LEFT JOIN messages m ON m.id = r.id LEFT JOIN message_quarantine q ON q.raw_message_id = r.id
         WHERE r.id = $1`,
        [rawId],
      );
      return rows[0];
    });

  it('answered 202 for every file (no 5xx) and stored all 79', () => {
    expect(receipts.size).toBe(79);
  });

  it.each(corpusFiles())('%s ends as a classified message or a quarantine record with its reason', async (name) => {
    const receipt = receipts.get(name)!;
    if (SAME_AS[name]) {
      expect(receipt.duplicate).toBe(true);
      expect(receipt.messageId).toBe(receipts.get(SAME_AS[name])!.messageId);
      return;
    }
    expect(receipt.duplicate).toBe(false);
    const row = await outcome(receipt.messageId);
    if (CORPUS_QUARANTINED[name]) {
      expect(row).toMatchObject({ status: 'quarantined', reason: CORPUS_QUARANTINED[name], classification: null });
      expect(row.detail).not.toBe('');
      return;
    }
    expect(row.status).toBe('parsed');
    expect(row.classification).toBe(CORPUS_MACHINE_CLASSIFICATIONS[name] ?? 'request');
    // Nothing opens a case: machine mail is ignored, genuine requests wait in triage.
    expect(row.case_id).toBeNull();
    expect(row.message_status).toBe(CORPUS_MACHINE_CLASSIFICATIONS[name] ? 'ignored' : 'new');
  });

  it('parses the DoS-shaped inputs within the caps', async () => {
    for (const name of PATHOLOGICAL) {
      const row = await outcome(receipts.get(name)!.messageId);
      expect(['parsed', 'quarantined']).toContain(row.status);
      expect(Number(row.seconds)).toBeLessThan(10);
    }
  });

  it('replaying the whole corpus again stores nothing new', async () => {
    const before = await withDb(
      env.databaseUrl,
      async (db) => (await db.query('SELECT count(*)::int AS n FROM raw_messages')).rows[0].n,
    );
    for (const name of corpusFiles()) {
      const res = await postEmail(app, corpusMessage(name)).expect(202);
      expect(res.body).toMatchObject({ messageId: receipts.get(name)!.messageId, duplicate: true });
    }
    const after = await withDb(
      env.databaseUrl,
      async (db) => (await db.query('SELECT count(*)::int AS n FROM raw_messages')).rows[0].n,
    );
    expect(after).toBe(before);
  });

  it('stored HTML from the corpus is inert', async () => {
    const rows = await withDb(
      env.databaseUrl,
      async (db) => (await db.query(`SELECT html_sanitised FROM messages WHERE html_sanitised IS NOT NULL`)).rows,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const { html_sanitised: html } of rows) {
      expect(html).not.toMatch(/<(script|style|iframe|object|embed|form|input|svg|math|meta|base|link)\b/i);
      expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/<[^>]*=\s*["']?\s*(javascript|vbscript|data):/i);
      expect(html).not.toMatch(/<img\b[^>]*\ssrc=/i);
    }
  });
});
