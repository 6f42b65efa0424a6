import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  SubjectAccessFilterField,
  SubjectAccessRequestDto,
  SubjectAccessSortField,
  SubjectAccessStatus,
} from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';

interface Row {
  id: string;
  supporter_id: string;
  received_at: Date;
  due_at: Date;
  status: SubjectAccessStatus;
  handled_by: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

const toDto = (r: Row): SubjectAccessRequestDto => ({
  id: r.id,
  supporterId: r.supporter_id,
  receivedAt: r.received_at.toISOString(),
  dueAt: r.due_at.toISOString(),
  status: r.status,
  handledById: r.handled_by,
  notes: r.notes,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const SORT_SQL: Record<SubjectAccessSortField, string> = {
  id: 'id',
  receivedAt: 'received_at',
  dueAt: 'due_at',
  status: 'status',
};

export interface SubjectAccessValues {
  supporterId: string;
  receivedAt: Date;
  dueAt: Date;
  status: SubjectAccessStatus;
  handledById: string | null;
  notes: string | null;
}

export interface SubjectAccessListFilter {
  ids?: string[];
  supporterIds?: string[];
  statuses?: SubjectAccessStatus[];
}

const COLUMNS: Record<keyof SubjectAccessValues, string> = {
  supporterId: 'supporter_id',
  receivedAt: 'received_at',
  dueAt: 'due_at',
  status: 'status',
  handledById: 'handled_by',
  notes: 'notes',
};

/** `subject_access_requests`. */
@Injectable()
export class SubjectAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  async list(
    filter: SubjectAccessListFilter,
    page: Pick<ListQuery<SubjectAccessFilterField, SubjectAccessSortField>, 'sort' | 'offset' | 'limit'>,
  ): Promise<[SubjectAccessRequestDto[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.ids) add('id = ANY(?::uuid[])', filter.ids);
    if (filter.supporterIds) add('supporter_id = ANY(?::uuid[])', filter.supporterIds);
    if (filter.statuses) add('status = ANY(?::text[])', filter.statuses);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = page.sort.order === 'ASC' ? 'ASC' : 'DESC';
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT * FROM subject_access_requests ${clause} ORDER BY ${SORT_SQL[page.sort.field]} ${order}, id ${order}
         OFFSET ${page.offset} LIMIT ${page.limit}`,
        params,
      ) as Promise<Row[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM subject_access_requests ${clause}`, params) as Promise<
        { n: number }[]
      >,
    ]);
    return [rows.map(toDto), count[0].n];
  }

  async findById(id: string, tx?: EntityManager): Promise<SubjectAccessRequestDto | null> {
    const rows: Row[] = await (tx ?? this.dataSource).query(`SELECT * FROM subject_access_requests WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toDto(rows[0]) : null;
  }

  async insert(tx: EntityManager, values: SubjectAccessValues): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO subject_access_requests (supporter_id, received_at, due_at, status, handled_by, notes)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [values.supporterId, values.receivedAt, values.dueAt, values.status, values.handledById, values.notes],
    );
    return rows[0].id;
  }

  async update(tx: EntityManager, id: string, changes: Partial<SubjectAccessValues>): Promise<void> {
    const keys = Object.keys(changes) as (keyof SubjectAccessValues)[];
    if (!keys.length) return;
    await tx.query(
      `UPDATE subject_access_requests SET ${keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')},
              updated_at = now() WHERE id = $1`,
      [id, ...keys.map((k) => changes[k])],
    );
  }
}
