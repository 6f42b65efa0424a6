import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, In, Repository } from 'typeorm';
import type { MessageClassification, MessageDirection, MessageStatus } from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { MessageAttachmentEntity } from './message-attachment.entity';
import { MessageEntity } from './message.entity';

export type MessageFilterField = 'q' | 'classification' | 'status' | 'direction' | 'caseId' | 'supporterId' | 'triage';
export type MessageSortField = 'id' | 'receivedAt';

export interface ThreadCandidate {
  id: string;
  direction: MessageDirection;
  caseId: string | null;
  rfcMessageId: string;
}

export type NewAttachment = Omit<MessageAttachmentEntity, 'messageId'>;

/** Columns a list row needs; `text` only when the reader may see bodies (for suggested urgency). */
const SUMMARY_COLUMNS = [
  'id',
  'direction',
  'classification',
  'status',
  'fromAddress',
  'fromName',
  'subject',
  'snippet',
  'receivedAt',
  'sentAt',
  'caseId',
  'supporterId',
  'threadMatch',
  'attachments',
] as const;

/** The triage inbox: unthreaded inbound requests nobody has triaged yet (matches messages_triage_idx). */
const TRIAGE_CONDITION = `m.direction = 'in' AND m.classification = 'request' AND m.status = 'new' AND m.case_id IS NULL`;

function list<T>(value: unknown): T[] {
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** `term:*` prefix terms joined with AND; letters and digits only, so the tsquery is always well formed. */
export function searchQuery(q: string): string | null {
  const terms = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  return terms.length ? terms.map((t) => `${t}:*`).join(' & ') : null;
}

@Injectable()
export class MessagesRepository {
  constructor(
    @InjectRepository(MessageEntity) private readonly repo: Repository<MessageEntity>,
    @InjectRepository(MessageAttachmentEntity) private readonly attachments: Repository<MessageAttachmentEntity>,
  ) {}

  async insert(
    tx: EntityManager | null,
    message: Partial<MessageEntity>,
    attachments: NewAttachment[] = [],
  ): Promise<void> {
    const manager = tx ?? this.repo.manager;
    await manager.insert(MessageEntity, message);
    // One statement per chunk keeps a message with many parts to a few round trips.
    for (let i = 0; i < attachments.length; i += 50) {
      await manager.insert(
        MessageAttachmentEntity,
        attachments.slice(i, i + 50).map((a) => ({ ...a, messageId: message.id! })),
      );
    }
  }

  /** Stored messages (either direction) carrying any of these RFC Message-IDs. */
  async findByRfcIds(ids: string[]): Promise<ThreadCandidate[]> {
    if (!ids.length) return [];
    const rows = await this.repo.find({
      select: { id: true, direction: true, caseId: true, rfcMessageId: true },
      where: { rfcMessageId: In(ids.slice(0, 200)) },
      order: { receivedAt: 'ASC' },
    });
    return rows.map((r) => ({ id: r.id, direction: r.direction, caseId: r.caseId, rfcMessageId: r.rfcMessageId! }));
  }

  /** The case a `CD-n` reference already belongs to, learnt from messages linked to it (outbound first). */
  async findCaseIdByReference(reference: string): Promise<string | null> {
    const row = await this.repo
      .createQueryBuilder('m')
      .select(['m.caseId'])
      .where('m.caseReference = :reference AND m.caseId IS NOT NULL', { reference })
      .orderBy(`CASE WHEN m.direction = 'out' THEN 0 ELSE 1 END`)
      .addOrderBy('m.receivedAt', 'DESC')
      .getOne();
    return row?.caseId ?? null;
  }

  /** Whether the charity sent `address` an email from the case (To or Cc of an outbound message). */
  async caseWroteTo(caseId: string, address: string): Promise<boolean> {
    const rows: unknown[] = await this.repo.query(
      `SELECT 1 FROM messages m
        WHERE m.case_id = $1 AND m.direction = 'out'
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.to_addresses || m.cc_addresses) a
                       WHERE lower(a->>'address') = lower($2))
        LIMIT 1`,
      [caseId, address],
    );
    return rows.length > 0;
  }

  async markBounced(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.update(MessageEntity, { id, direction: 'out' }, { status: 'bounced', bouncedAt: at, updatedAt: at });
  }

  async list(
    query: ListQuery<MessageFilterField, MessageSortField>,
    withText: boolean,
  ): Promise<[MessageEntity[], number]> {
    const qb = this.repo.createQueryBuilder('m').select(SUMMARY_COLUMNS.map((c) => `m.${c}`));
    if (withText) qb.addSelect('m.text');
    const f = query.filter;
    if (f.triage === true || f.triage === 'true') qb.andWhere(TRIAGE_CONDITION);
    if (f.classification !== undefined)
      qb.andWhere('m.classification IN (:...classifications)', {
        classifications: list<MessageClassification>(f.classification),
      });
    if (f.status !== undefined) qb.andWhere('m.status IN (:...statuses)', { statuses: list<MessageStatus>(f.status) });
    if (f.direction !== undefined)
      qb.andWhere('m.direction IN (:...directions)', { directions: list<MessageDirection>(f.direction) });
    if (f.caseId !== undefined) qb.andWhere('m.caseId IN (:...caseIds)', { caseIds: list<string>(f.caseId) });
    if (f.supporterId !== undefined)
      qb.andWhere('m.supporterId IN (:...supporterIds)', { supporterIds: list<string>(f.supporterId) });
    if (f.id !== undefined) qb.andWhere('m.id IN (:...ids)', { ids: list<string>(f.id) });
    if (typeof f.q === 'string') {
      const tsquery = searchQuery(f.q);
      if (tsquery) qb.andWhere(new Brackets((w) => w.where(`m.search @@ to_tsquery('simple', :tsquery)`, { tsquery })));
    }
    qb.orderBy(`m.${query.sort.field}`, query.sort.order).addOrderBy('m.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }

  findById(id: string): Promise<MessageEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async findHtml(id: string): Promise<{ html: string | null; text: string; quotedText: string } | null> {
    const row = await this.repo.findOne({
      select: { id: true, htmlSanitised: true, text: true, quotedText: true },
      where: { id },
    });
    return row ? { html: row.htmlSanitised, text: row.text, quotedText: row.quotedText } : null;
  }

  async hasHtml(id: string): Promise<boolean> {
    const rows: { has: boolean }[] = await this.repo.query(
      `SELECT html_sanitised IS NOT NULL AS has FROM messages WHERE id = $1`,
      [id],
    );
    return rows[0]?.has ?? false;
  }

  findAttachment(messageId: string, n: number): Promise<MessageAttachmentEntity | null> {
    return this.attachments.findOne({
      select: { messageId: true, n: true, filename: true, contentType: true, sizeBytes: true, content: true },
      where: { messageId, n },
    });
  }

  async update(id: string, values: Partial<MessageEntity>): Promise<void> {
    await this.repo.update({ id }, { ...values, updatedAt: new Date() });
  }

  /** Marks inbound messages as spam; answers the ids that changed. */
  async markSpam(ids: string[]): Promise<string[]> {
    const result = await this.repo
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ classification: 'spam', status: 'ignored', updatedAt: () => 'now()' })
      .where(`id IN (:...ids) AND direction = 'in' AND case_id IS NULL`, { ids })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  async moveSupporter(fromId: string, toId: string, tx: EntityManager): Promise<number> {
    const result = await tx.update(
      MessageEntity,
      { supporterId: fromId },
      { supporterId: toId, updatedAt: new Date() },
    );
    return result.affected ?? 0;
  }

  async counts(): Promise<{
    triage: number;
    byClassification: Record<string, number>;
    byStatus: Record<string, number>;
  }> {
    const [triage] = await this.repo.query(`SELECT count(*)::int AS n FROM messages m WHERE ${TRIAGE_CONDITION}`);
    const byClassification: { classification: string; n: number }[] = await this.repo.query(
      `SELECT classification, count(*)::int AS n FROM messages WHERE direction = 'in' GROUP BY classification`,
    );
    const byStatus: { status: string; n: number }[] = await this.repo.query(
      `SELECT status, count(*)::int AS n FROM messages GROUP BY status`,
    );
    return {
      triage: triage.n,
      byClassification: Object.fromEntries(byClassification.map((r) => [r.classification, r.n])),
      byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
    };
  }

  /** For cases: locks a message that is about to move into a case (inside the caller's transaction). */
  async lockForMove(tx: EntityManager, id: string): Promise<Pick<MessageEntity, 'id' | 'direction' | 'caseId'> | null> {
    const rows: { id: string; direction: MessageDirection; case_id: string | null }[] = await tx.query(
      `SELECT id, direction, case_id FROM messages WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ? { id: rows[0].id, direction: rows[0].direction, caseId: rows[0].case_id } : null;
  }

  /**
   * For cases: files a message and the unfiled, non-spam messages of its thread (the ones it
   * answers and the ones answering it, by Message-ID) under a case.
   */
  async moveThreadIntoCase(
    tx: EntityManager,
    id: string,
    caseId: string,
    supporterId: string,
  ): Promise<MovedMessage[]> {
    return updated(
      await tx.query(
        `WITH m AS (SELECT id, rfc_message_id, in_reply_to, "references" FROM messages WHERE id = $1)
         UPDATE messages t
            SET case_id = $2,
                supporter_id = coalesce(t.supporter_id, $3),
                status = CASE WHEN t.direction = 'in' AND t.status IN ('new', 'triaged') THEN 'linked' ELSE t.status END,
                updated_at = now()
           FROM m
          WHERE t.case_id IS NULL AND t.classification IS DISTINCT FROM 'spam'
            AND (t.id = m.id
                 OR t.rfc_message_id = ANY(m."references" || m.in_reply_to)
                 OR (m.rfc_message_id IS NOT NULL AND (t.in_reply_to = m.rfc_message_id OR m.rfc_message_id = ANY(t."references"))))
         RETURNING t.id, t.subject, t.text_body AS text`,
        [id, caseId, supporterId],
      ),
    );
  }

  /** For cases' search: the newest `perCase` messages of each case, subject and new text only. */
  async searchTexts(caseIds: string[], perCase: number): Promise<(MovedMessage & { case_id: string })[]> {
    return this.repo.query(
      `SELECT id, case_id, subject, text FROM (
         SELECT id, case_id, subject, text_body AS text, row_number() OVER (PARTITION BY case_id ORDER BY received_at DESC) AS n
           FROM messages WHERE case_id = ANY($1::uuid[])
       ) m WHERE n <= $2`,
      [caseIds, perCase],
    );
  }

  /** For cases: a case closed as a duplicate hands all its messages to the original. */
  async moveCaseMessages(tx: EntityManager, fromCaseId: string, toCaseId: string): Promise<MovedMessage[]> {
    return updated(
      await tx.query(
        `UPDATE messages SET case_id = $2, updated_at = now() WHERE case_id = $1 RETURNING id, subject, text_body AS text`,
        [fromCaseId, toCaseId],
      ),
    );
  }
}

/** A message moved into a case, with the text the case's search covers. */
export interface MovedMessage {
  id: string;
  subject: string;
  text: string;
}

/** TypeORM answers an UPDATE … RETURNING through query() as [rows, count]. */
function updated(raw: unknown): MovedMessage[] {
  return (Array.isArray(raw) && Array.isArray(raw[0]) ? raw[0] : raw) as MovedMessage[];
}
