import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IntakeSource, QuarantineReason } from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';

export type QuarantineFilterField = 'reason';
export type QuarantineSortField = 'id' | 'quarantinedAt';
const SORT_SQL: Record<QuarantineSortField, string> = { id: 'q.id', quarantinedAt: 'q.created_at' };

export interface QuarantineRow {
  id: string;
  messageId: string;
  reason: QuarantineReason;
  detail: string;
  source: IntakeSource;
  sizeBytes: number;
  rfcMessageId: string | null;
  receivedAt: Date;
  quarantinedAt: Date;
}

const SELECT = `
  SELECT q.id, q.raw_message_id AS "messageId", q.reason, q.detail, r.source, r.size_bytes AS "sizeBytes",
         r.rfc_message_id AS "rfcMessageId", r.received_at AS "receivedAt", q.created_at AS "quarantinedAt"
  FROM message_quarantine q JOIN raw_messages r ON r.id = q.raw_message_id`;

@Injectable()
export class QuarantineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    query: ListQuery<QuarantineFilterField, QuarantineSortField>,
    filter: { reasons?: QuarantineReason[]; ids?: string[] },
  ): Promise<[QuarantineRow[], number]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.reasons) {
      params.push(filter.reasons);
      where.push(`q.reason = ANY($${params.length})`);
    }
    if (filter.ids) {
      params.push(filter.ids);
      where.push(`q.id = ANY($${params.length}::uuid[])`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = query.sort.order === 'ASC' ? 'ASC' : 'DESC';
    const rows: QuarantineRow[] = await this.dataSource.query(
      `${SELECT} ${clause} ORDER BY ${SORT_SQL[query.sort.field]} ${order}, q.id ${order} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, query.offset, query.limit],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM message_quarantine q ${clause}`,
      params,
    );
    return [rows, total as number];
  }

  async findById(id: string): Promise<QuarantineRow | null> {
    const rows: QuarantineRow[] = await this.dataSource.query(`${SELECT} WHERE q.id = $1`, [id]);
    return rows[0] ?? null;
  }
}
