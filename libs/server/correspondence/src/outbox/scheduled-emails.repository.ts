import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CancelReason,
  RecipientKind,
  ScheduledEmailKind,
  ScheduledEmailSortField,
  ScheduledEmailStatus,
} from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { ScheduledEmailEntity } from './scheduled-email.entity';
import { CASE_SEND_LOCK, ROW_SEND_LOCK, SendSession } from './send-session';

export interface NewScheduledEmail {
  id: string;
  caseId: string;
  supporterId: string | null;
  mpContactId: string | null;
  kind: ScheduledEmailKind;
  recipientKind: RecipientKind;
  dueAt: Date;
  templateKey: string | null;
  subject: string | null;
  body: string | null;
  context: Record<string, string>;
  rfcMessageId: string;
  inReplyTo: string | null;
  references: string[];
  createdBy: string | null;
  /** `draft` waits for staff to approve it; default `scheduled`. */
  status?: 'draft' | 'scheduled';
}

export interface ScheduledEmailListFilter {
  ids?: string[];
  caseIds?: string[];
  supporterIds?: string[];
  kinds?: ScheduledEmailKind[];
  statuses?: ScheduledEmailStatus[];
  dueFrom?: Date;
  dueTo?: Date;
}

@Injectable()
export class ScheduledEmailsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  /** One statement for any number of rows (arrays unnested), inside the caller's transaction. */
  async insertMany(tx: EntityManager, rows: NewScheduledEmail[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      const column = <K extends keyof NewScheduledEmail>(key: K) => chunk.map((r) => r[key]);
      await tx.query(
        `INSERT INTO scheduled_emails (id, case_id, supporter_id, mp_contact_id, kind, recipient_kind, due_at, template_key, subject, body,
                                       context, rfc_message_id, in_reply_to, "references", created_by, status)
         SELECT id, case_id, supporter_id, mp_contact_id, kind, recipient_kind, due_at, template_key, subject, body,
                context::jsonb, rfc_message_id, in_reply_to, ARRAY(SELECT jsonb_array_elements_text(refs::jsonb)), created_by, status
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[],
                     $11::text[], $12::text[], $13::text[], $14::text[], $15::uuid[], $16::text[])
           AS t(id, case_id, supporter_id, mp_contact_id, kind, recipient_kind, due_at, template_key, subject, body,
                context, rfc_message_id, in_reply_to, refs, created_by, status)`,
        [
          column('id'),
          column('caseId'),
          column('supporterId'),
          column('mpContactId'),
          column('kind'),
          column('recipientKind'),
          column('dueAt').map((d) => d.toISOString()),
          column('templateKey'),
          column('subject'),
          column('body'),
          chunk.map((r) => JSON.stringify(r.context)),
          column('rfcMessageId'),
          column('inReplyTo'),
          chunk.map((r) => JSON.stringify(r.references)),
          column('createdBy'),
          chunk.map((r) => r.status ?? 'scheduled'),
        ],
      );
    }
  }

  /**
   * Waits until no email of these cases is being sent, then holds them (until the transaction
   * ends) so no send starts: after this, cancelling what is `scheduled` leaves nothing in flight.
   */
  async lockCasesForChange(tx: EntityManager, caseIds: string[]): Promise<void> {
    for (const caseId of [...new Set(caseIds)].sort()) {
      await tx.query(`SELECT pg_advisory_xact_lock(${CASE_SEND_LOCK}, hashtext($1::text))`, [caseId]);
    }
  }

  /** Cancels pending rows (scheduled, or drafts awaiting approval) matching the filter; answers the ids cancelled. */
  async cancelScheduled(
    tx: EntityManager,
    where: {
      caseId?: string;
      supporterId?: string;
      ids?: string[];
      kinds?: readonly ScheduledEmailKind[];
      mpContactId?: string;
    },
    reason: CancelReason,
    actorId: string | null,
  ): Promise<string[]> {
    const conditions = [`status IN ('draft', 'scheduled')`];
    const params: unknown[] = [reason, actorId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (where.caseId) add('case_id = ?', where.caseId);
    if (where.supporterId) add('supporter_id = ?', where.supporterId);
    if (where.mpContactId) add('mp_contact_id = ?', where.mpContactId);
    if (where.ids) add('id = ANY(?::uuid[])', where.ids);
    if (where.kinds) add('kind = ANY(?::text[])', where.kinds);
    const result: unknown = await tx.query(
      `UPDATE scheduled_emails SET status = 'cancelled', cancelled_at = now(), cancel_reason = $1, cancelled_by = $2, updated_at = now()
       WHERE ${conditions.join(' AND ')} RETURNING id`,
      params,
    );
    return returnedIds(result);
  }

  /** Case ids with emails still to send for a supporter (to lock before cancelling). */
  async pendingCaseIdsOfSupporter(tx: EntityManager, supporterId: string): Promise<string[]> {
    const rows: { case_id: string }[] = await tx.query(
      `SELECT DISTINCT case_id FROM scheduled_emails WHERE supporter_id = $1 AND status IN ('draft', 'scheduled', 'sending')`,
      [supporterId],
    );
    return rows.map((r) => r.case_id);
  }

  async moveSupporter(fromId: string, toId: string, tx: EntityManager): Promise<number> {
    const result = await tx.query(
      `UPDATE scheduled_emails SET supporter_id = $2, updated_at = now() WHERE supporter_id = $1`,
      [fromId, toId],
    );
    return (result as [unknown, number])[1] ?? 0;
  }

  findById(id: string, tx?: EntityManager): Promise<ScheduledEmailEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(ScheduledEmailEntity, { id });
  }

  findByIdForUpdate(tx: EntityManager, id: string): Promise<ScheduledEmailEntity | null> {
    return tx
      .getRepository(ScheduledEmailEntity)
      .createQueryBuilder('s')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(tx: EntityManager, id: string, changes: Partial<ScheduledEmailEntity>): Promise<void> {
    await tx.update(ScheduledEmailEntity, { id }, { ...changes, updatedAt: new Date() });
  }

  /** The send's outcome, in the transaction that also records the outbound message. */
  async markSent(
    tx: EntityManager,
    id: string,
    values: {
      sentAt: Date;
      messageId: string;
      templateVersion: number | null;
      recipientAddress: string;
      subject: string;
    },
  ): Promise<void> {
    await tx.query(
      `UPDATE scheduled_emails SET status = 'sent', sent_at = $2, message_id = $3, template_version = $4, recipient_address = $5,
         subject = coalesce(subject, $6), last_error = NULL, last_response_code = NULL, updated_at = now()
       WHERE id = $1 AND status = 'sending'`,
      [id, values.sentAt, values.messageId, values.templateVersion, values.recipientAddress, values.subject],
    );
  }

  async markBounced(tx: EntityManager, messageId: string, at: Date): Promise<void> {
    await tx.update(ScheduledEmailEntity, { messageId }, { bouncedAt: at, updatedAt: at });
  }

  /** The scheduled email that became this outbound message. */
  findByMessageId(messageId: string, tx?: EntityManager): Promise<ScheduledEmailEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(ScheduledEmailEntity, { messageId });
  }

  async list(
    query: ListQuery<string, ScheduledEmailSortField>,
    filter: ScheduledEmailListFilter,
  ): Promise<[ScheduledEmailEntity[], number]> {
    const qb = this.dataSource.manager.getRepository(ScheduledEmailEntity).createQueryBuilder('s');
    if (filter.ids) qb.andWhere('s.id IN (:...ids)', { ids: filter.ids });
    if (filter.caseIds) qb.andWhere('s.caseId IN (:...caseIds)', { caseIds: filter.caseIds });
    if (filter.supporterIds) qb.andWhere('s.supporterId IN (:...supporterIds)', { supporterIds: filter.supporterIds });
    if (filter.kinds) qb.andWhere('s.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.statuses) qb.andWhere('s.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.dueFrom) qb.andWhere('s.dueAt >= :dueFrom', { dueFrom: filter.dueFrom });
    if (filter.dueTo) qb.andWhere('s.dueAt <= :dueTo', { dueTo: filter.dueTo });
    qb.orderBy(`s.${query.sort.field}`, query.sort.order).addOrderBy('s.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }

  async latestForCase(caseId: string, limit: number): Promise<[ScheduledEmailEntity[], number]> {
    return this.dataSource.manager.findAndCount(ScheduledEmailEntity, {
      where: { caseId },
      order: { dueAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /** Rows waiting to be sent that fall due before `horizon` (what must have a live job). */
  async scheduledBefore(
    horizon: Date,
    limit: number,
    after?: { dueAt: Date; id: string },
  ): Promise<{ id: string; dueAt: Date }[]> {
    const rows: { id: string; due_at: Date }[] = after
      ? await this.dataSource.query(
          `SELECT id, due_at FROM scheduled_emails WHERE status = 'scheduled' AND due_at < $1 AND (due_at, id) > ($3, $4::uuid)
           ORDER BY due_at, id LIMIT $2`,
          [horizon, limit, after.dueAt, after.id],
        )
      : await this.dataSource.query(
          `SELECT id, due_at FROM scheduled_emails WHERE status = 'scheduled' AND due_at < $1 ORDER BY due_at, id LIMIT $2`,
          [horizon, limit],
        );
    return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
  }

  /** `sending` rows nobody is sending: no session holds their row lock (see SendSession). */
  async orphanedSending(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM scheduled_emails s
       WHERE s.status = 'sending'
         AND NOT EXISTS (SELECT 1 FROM pg_locks l
                         WHERE l.locktype = 'advisory' AND l.classid = ${ROW_SEND_LOCK}
                           AND l.objid = (hashtext(s.id::text)::bigint & 4294967295)::oid AND l.objsubid = 2)
       ORDER BY s.claimed_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Settles a `sending` row whose worker died, if nobody holds its row lock (or `lockHeld`: the
   * caller holds it). Without the delivery marker the message's end never left, so it goes back
   * to `scheduled`; with it the server may have the message, so it is `unknown` for a person.
   */
  async settleOrphan(id: string, manager?: EntityManager): Promise<ScheduledEmailStatus | null> {
    const settle = async (tx: EntityManager, checkLock: boolean) => {
      if (checkLock) {
        const [{ free }]: { free: boolean }[] = await tx.query(
          `SELECT pg_try_advisory_xact_lock(${ROW_SEND_LOCK}, hashtext($1::text)) AS free`,
          [id],
        );
        if (!free) return null;
      }
      const [settled]: { status: ScheduledEmailStatus }[] = await tx.query(
        `UPDATE scheduled_emails SET
           status = CASE WHEN delivery_started_at IS NULL THEN 'scheduled' ELSE 'unknown' END,
           due_at = CASE WHEN delivery_started_at IS NULL THEN greatest(due_at, now()) ELSE due_at END,
           last_error = CASE WHEN delivery_started_at IS NULL
             THEN 'The sending worker stopped before the message was handed over; it will be sent again'
             ELSE 'The sending worker stopped after handing the message over: it may have been delivered' END,
           updated_at = now()
         WHERE id = $1 AND status = 'sending' RETURNING status`,
        [id],
      );
      return settled?.status ?? null;
    };
    return manager ? settle(manager, false) : this.dataSource.transaction((tx) => settle(tx, true));
  }

  /** A dedicated connection for one send: its session holds the case lock from claim to outcome. */
  async openSendSession(): Promise<SendSession> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    return new SendSession(runner);
  }
}

/** TypeORM answers an UPDATE … RETURNING through query() as [rows, count]: the ids of the rows. */
export function returnedIds(result: unknown): string[] {
  const rows = (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as { id: string }[];
  return rows.map((r) => r.id);
}
