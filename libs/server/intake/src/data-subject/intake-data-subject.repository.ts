import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ERASED_TEXT } from '@campaign-desk/contracts';
import type { TombstoneKey } from './tombstones';

export interface MessageOfSubject {
  id: string;
  rawMessageId: string | null;
  rfcMessageId: string | null;
  direction: 'in' | 'out';
  fromAddress: string | null;
  /** Linked to the supporter (their own email), not only to one of their cases (an MP office's reply). */
  fromSupporter: boolean;
  rawSha256: Buffer | null;
}

export interface UnlinkedRaw {
  id: string;
  rfcMessageId: string | null;
  sha256: Buffer;
}

/** Intake's rows about one supporter (their messages and raw MIME) and the tombstones of erased ones. */
@Injectable()
export class IntakeDataSubjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Messages linked to the supporter or their cases, and inbound ones from their addresses not yet linked. */
  async messagesOf(
    supporterId: string,
    caseIds: string[],
    addresses: string[],
    tx?: EntityManager,
  ): Promise<MessageOfSubject[]> {
    const rows: {
      id: string;
      raw_message_id: string | null;
      rfc_message_id: string | null;
      direction: 'in' | 'out';
      from_address: string | null;
      from_supporter: boolean;
      sha256: Buffer | null;
    }[] = await (tx ?? this.dataSource).query(
      `SELECT m.id, m.raw_message_id, m.rfc_message_id, m.direction, m.from_address::text AS from_address,
              (m.supporter_id = $1 OR lower(m.from_address::text) = ANY($3::text[])) AS from_supporter, r.sha256
       FROM messages m LEFT JOIN raw_messages r ON r.id = m.raw_message_id
       WHERE m.supporter_id = $1 OR m.case_id = ANY($2::uuid[])
          OR (m.direction = 'in' AND lower(m.from_address::text) = ANY($3::text[]))
       ORDER BY m.received_at, m.id`,
      [supporterId, caseIds, addresses.map((a) => a.toLowerCase())],
    );
    return rows.map((r) => ({
      id: r.id,
      rawMessageId: r.raw_message_id,
      rfcMessageId: r.rfc_message_id,
      direction: r.direction,
      fromAddress: r.from_address,
      fromSupporter: !!r.from_supporter,
      rawSha256: r.sha256,
    }));
  }

  /**
   * Raw messages with no parsed message (quarantined, or still waiting to be parsed) whose header block names
   * one of these addresses: what else intake holds of the person.
   */
  async unlinkedRawOf(addresses: string[], tx?: EntityManager): Promise<UnlinkedRaw[]> {
    if (!addresses.length) return [];
    const rows: { id: string; rfc_message_id: string | null; sha256: Buffer }[] = await (tx ?? this.dataSource).query(
      `SELECT r.id, r.rfc_message_id, r.sha256 FROM raw_messages r
       WHERE r.status IN ('pending', 'quarantined') AND length(r.raw) > 0
         AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.raw_message_id = r.id)
         AND lower(convert_from(substring(r.raw FROM 1 FOR 65536), 'LATIN1')) LIKE ANY($1::text[])
       ORDER BY r.received_at`,
      [addresses.map((a) => `%${a.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`)],
    );
    return rows.map((r) => ({ id: r.id, rfcMessageId: r.rfc_message_id, sha256: r.sha256 }));
  }

  /** Empties these raw messages; one still waiting to be parsed is closed as quarantined (no content). */
  async eraseUnlinkedRaw(tx: EntityManager, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    const result: unknown = await tx.query(
      `UPDATE raw_messages r SET raw = ''::bytea, rfc_message_id = NULL, dedupe_key = 'erased:' || r.id::text,
              last_error = NULL, status = 'quarantined', parsed_at = coalesce(parsed_at, now())
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await tx.query(
      `INSERT INTO message_quarantine (raw_message_id, reason, detail) SELECT unnest($1::uuid[]), 'no_content', $2
       ON CONFLICT (raw_message_id) DO UPDATE SET detail = EXCLUDED.detail`,
      [ids, ERASED_TEXT],
    );
    return changed(result);
  }

  async addTombstones(tx: EntityManager, erasureId: string, keys: TombstoneKey[]): Promise<number> {
    if (!keys.length) return 0;
    const rows: unknown[] = await tx.query(
      `INSERT INTO intake_tombstones (kind, hash, erasure_id)
       SELECT kind, hash, $3 FROM unnest($1::text[], $2::bytea[]) AS k(kind, hash)
       ON CONFLICT (kind, hash) DO NOTHING RETURNING id`,
      [keys.map((k) => k.kind), keys.map((k) => k.hash), erasureId],
    );
    return rows.length;
  }

  /** Counts a refusal on the first tombstone these keys match; answers whether one matched. */
  async refuseIfTombstoned(keys: TombstoneKey[]): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      `UPDATE intake_tombstones SET refused = refused + 1, last_refused_at = now()
       WHERE id = (SELECT t.id FROM intake_tombstones t JOIN unnest($1::text[], $2::bytea[]) AS k(kind, hash)
                   ON t.kind = k.kind AND t.hash = k.hash ORDER BY t.id LIMIT 1)
       RETURNING id`,
      [keys.map((k) => k.kind), keys.map((k) => k.hash)],
    );
    return changed(result) > 0;
  }

  /** Removes the text, addresses, attachments and raw MIME of these messages; the rows (dates, direction, case) stay. */
  async erase(
    tx: EntityManager,
    messageIds: string[],
  ): Promise<{ messages: number; attachments: number; raw: number }> {
    if (!messageIds.length) return { messages: 0, attachments: 0, raw: 0 };
    const attachments: unknown = await tx.query(
      `DELETE FROM message_attachments WHERE message_id = ANY($1::uuid[]) RETURNING message_id`,
      [messageIds],
    );
    const raw: unknown = await tx.query(
      `UPDATE raw_messages r SET raw = ''::bytea, rfc_message_id = NULL, dedupe_key = 'erased:' || r.id::text,
              last_error = NULL
       FROM messages m WHERE m.raw_message_id = r.id AND m.id = ANY($1::uuid[]) RETURNING r.id`,
      [messageIds],
    );
    await tx.query(
      `UPDATE message_quarantine q SET detail = $2 FROM messages m
       WHERE m.raw_message_id = q.raw_message_id AND m.id = ANY($1::uuid[])`,
      [messageIds, ERASED_TEXT],
    );
    const messages: unknown = await tx.query(
      `UPDATE messages SET rfc_message_id = NULL, in_reply_to = NULL, "references" = '{}', from_address = NULL,
              from_name = NULL, to_addresses = '[]'::jsonb, cc_addresses = '[]'::jsonb, subject = $2, text_body = '',
              quoted_text = '', html_sanitised = NULL, has_remote_images = false, snippet = '', attachments = '[]'::jsonb,
              parse_warnings = '{}', updated_at = now()
       WHERE id = ANY($1::uuid[]) RETURNING id`,
      [messageIds, ERASED_TEXT],
    );
    return { messages: changed(messages), attachments: changed(attachments), raw: changed(raw) };
  }

  async rawOf(ids: string[]): Promise<{ id: string; raw: Buffer }[]> {
    if (!ids.length) return [];
    return this.dataSource.query(`SELECT id, raw FROM raw_messages WHERE id = ANY($1::uuid[]) ORDER BY received_at`, [
      ids,
    ]);
  }

  /** Everything stored about these messages (subject access): rows, attachments and raw MIME. */
  async rowsOf(messageIds: string[]) {
    const q = (sql: string) => this.dataSource.query(sql, [messageIds]) as Promise<Record<string, unknown>[]>;
    const [messages, attachments, raw] = await Promise.all([
      q(`SELECT id, direction, rfc_message_id, in_reply_to, "references", from_address::text AS from_address, from_name,
                to_addresses, cc_addresses, subject, text_body, quoted_text, html_sanitised, snippet, attachments,
                sent_at, received_at, classification, status, case_id, supporter_id
         FROM messages WHERE id = ANY($1::uuid[]) ORDER BY received_at, id`),
      q(`SELECT message_id, n, filename, content_type, size_bytes, content FROM message_attachments
         WHERE message_id = ANY($1::uuid[]) ORDER BY message_id, n`),
      q(`SELECT r.id, r.source, r.received_at, r.raw FROM raw_messages r JOIN messages m ON m.raw_message_id = r.id
         WHERE m.id = ANY($1::uuid[]) AND length(r.raw) > 0 ORDER BY r.received_at`),
    ]);
    return {
      messages,
      attachments: attachments as { message_id: string; n: number; filename: string | null; content: Buffer }[],
      raw: raw as { id: string; raw: Buffer }[],
    };
  }
}

/** Rows an UPDATE or DELETE touched (TypeORM answers `[rows, count]` for those). */
function changed(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
