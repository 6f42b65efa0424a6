import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { IntakeSource, IntakeStatus, QuarantineReason } from '@campaign-desk/contracts';

export interface NewRawMessage {
  dedupeKey: string;
  rfcMessageId: string | null;
  sha256: Buffer;
  raw: Buffer;
  source: IntakeSource;
  uploadedBy: string | null;
  /** Set when a cheap check at intake already shows the message cannot be parsed. */
  quarantine?: { reason: QuarantineReason; detail: string };
}

export interface StoredRaw {
  id: string;
  status: IntakeStatus;
  inserted: boolean;
}

export interface RawReceipt {
  id: string;
  status: IntakeStatus;
  caseId: string | null;
  quarantineId: string | null;
}

export interface ParseClaim {
  id: string;
  raw: Buffer;
  rfcMessageId: string | null;
  receivedAt: Date;
  parseFailures: number;
  lastError: string | null;
}

@Injectable()
export class RawMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the message unless its dedupe key is already stored; either way answers the stored row.
   * Committed when this returns: the caller may acknowledge the sender.
   */
  async storeIfNew(input: NewRawMessage): Promise<StoredRaw> {
    const inserted = await this.dataSource.transaction(async (tx) => {
      const rows: { id: string; status: IntakeStatus }[] = await tx.query(
        `INSERT INTO raw_messages (dedupe_key, rfc_message_id, sha256, size_bytes, source, uploaded_by, raw, status, parsed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 = 'quarantined' THEN clock_timestamp() END)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, status`,
        [
          input.dedupeKey,
          input.rfcMessageId,
          input.sha256,
          input.raw.length,
          input.source,
          input.uploadedBy,
          input.raw,
          input.quarantine ? 'quarantined' : 'pending',
        ],
      );
      if (rows.length && input.quarantine)
        await this.insertQuarantine(tx, rows[0].id, input.quarantine.reason, input.quarantine.detail);
      return rows[0] ?? null;
    });
    if (inserted) return { ...inserted, inserted: true };
    // Lost the race (or a repeat): the other insert has committed by now, read it in a fresh snapshot.
    for (let attempt = 0; attempt < 5; attempt++) {
      const rows: { id: string; status: IntakeStatus }[] = await this.dataSource.query(
        `SELECT id, status FROM raw_messages WHERE dedupe_key = $1`,
        [input.dedupeKey],
      );
      if (rows.length) return { ...rows[0], inserted: false };
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
    throw new Error('raw message vanished after a dedupe conflict');
  }

  async receipt(id: string): Promise<RawReceipt | null> {
    const rows: { id: string; status: IntakeStatus; case_id: string | null; quarantine_id: string | null }[] =
      await this.dataSource.query(
        `SELECT r.id, r.status, m.case_id, q.id AS quarantine_id
       FROM raw_messages r
       LEFT JOIN messages m ON m.raw_message_id = r.id
       LEFT JOIN message_quarantine q ON q.raw_message_id = r.id
       WHERE r.id = $1`,
        [id],
      );
    const row = rows[0];
    return row ? { id: row.id, status: row.status, caseId: row.case_id, quarantineId: row.quarantine_id } : null;
  }

  /**
   * Claims a pending message under a row lock (FOR UPDATE SKIP LOCKED) and runs `work` in the
   * same transaction. A second claimer skips it; if this process dies the lock goes with its
   * connection and the row is pending again, so a message is parsed exactly once.
   */
  async parseInTransaction<T>(
    id: string,
    work: (claim: ParseClaim, tx: EntityManager) => Promise<T>,
  ): Promise<{ claimed: false } | { claimed: true; result: T }> {
    return this.dataSource.transaction(async (tx) => {
      const rows: {
        raw: Buffer;
        rfc_message_id: string | null;
        received_at: Date;
        parse_failures: number;
        last_error: string | null;
      }[] = await tx.query(
        `SELECT raw, rfc_message_id, received_at, parse_failures, last_error FROM raw_messages
         WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
        [id],
      );
      const row = rows[0];
      if (!row) return { claimed: false };
      const claim: ParseClaim = {
        id,
        raw: row.raw,
        rfcMessageId: row.rfc_message_id,
        receivedAt: row.received_at,
        parseFailures: row.parse_failures,
        lastError: row.last_error,
      };
      return { claimed: true, result: await work(claim, tx) };
    });
  }

  async markParsed(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE raw_messages SET status = 'parsed', parsed_at = clock_timestamp() WHERE id = $1`, [id]);
  }

  async markQuarantined(tx: EntityManager, id: string, reason: QuarantineReason, detail: string): Promise<string> {
    await tx.query(`UPDATE raw_messages SET status = 'quarantined', parsed_at = clock_timestamp() WHERE id = $1`, [id]);
    return this.insertQuarantine(tx, id, reason, detail);
  }

  /** Counts a failed attempt outside the (rolled back) parse transaction. */
  async recordFailure(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE raw_messages SET parse_failures = parse_failures + 1, last_error = $2 WHERE id = $1 AND status = 'pending'`,
      [id, error.slice(0, 500)],
    );
  }

  async findPendingIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM raw_messages WHERE status = 'pending' ORDER BY received_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async findRaw(id: string): Promise<Buffer | null> {
    const rows: { raw: Buffer }[] = await this.dataSource.query(`SELECT raw FROM raw_messages WHERE id = $1`, [id]);
    return rows[0]?.raw ?? null;
  }

  /**
   * Runs `work` only if no other process holds the named lock (a transaction-level advisory lock,
   * released with the transaction even if this process dies); answers null when it is taken.
   */
  async withExclusiveLock<T>(key: number, work: () => Promise<T>): Promise<{ result: T } | null> {
    return this.dataSource.transaction(async (tx) => {
      const [{ locked }]: { locked: boolean }[] = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
        key,
      ]);
      return locked ? { result: await work() } : null;
    });
  }

  private async insertQuarantine(
    tx: EntityManager,
    rawId: string,
    reason: QuarantineReason,
    detail: string,
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO message_quarantine (raw_message_id, reason, detail) VALUES ($1, $2, $3)
       ON CONFLICT (raw_message_id) DO UPDATE SET reason = EXCLUDED.reason RETURNING id`,
      [rawId, reason, detail.slice(0, 500)],
    );
    return row.id;
  }
}
