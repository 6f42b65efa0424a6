import { Injectable } from '@nestjs/common';
import { AUDIT_ACTIONS, type AuditEventDto } from '@campaign-desk/contracts';
import {
  addCalendarDays,
  enumFilter,
  filterError,
  type ListFilter,
  type ListQuery,
  londonTime,
  textsFilter,
  toCsv,
  uuidsFilter,
} from '@campaign-desk/server-core';
import type { AuditEventEntity } from './audit-event.entity';
import { AuditRepository, type AuditFilterField, type AuditListFilter, type AuditSortField } from './audit.repository';
import { AuditService } from './audit.service';

const EXPORT_PAGE = 1_000;
const CSV_HEADER = ['id', 'at', 'actorId', 'action', 'entityType', 'entityId', 'ip', 'details'];

/** The audit log page: search by who, which record, what and when; export as CSV (the export is audited too). */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<AuditFilterField, AuditSortField>): Promise<[AuditEventDto[], number]> {
    const [rows, total] = await this.repo.list(query, toFilter(query.filter));
    return [rows.map(toDto), total];
  }

  async get(id: string): Promise<AuditEventDto | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const row = await this.repo.findOne(id);
    return row ? toDto(row) : null;
  }

  /** The matching events as CSV chunks, oldest first, read a page at a time so memory stays flat. */
  async *exportCsv(filter: ListFilter, actor: { id: string; ip: string | null }): AsyncGenerator<string> {
    const parsed = toFilter(filter);
    await this.audit.record({
      actorId: actor.id,
      ip: actor.ip,
      action: 'audit.exported',
      details: { filter: Object.keys(filter) },
    });
    yield toCsv(CSV_HEADER, []);
    let after: string | null = null;
    for (;;) {
      const rows = await this.repo.exportPage(parsed, after, EXPORT_PAGE);
      if (!rows.length) return;
      yield toCsv(
        [],
        rows.map((r) => [
          r.id,
          r.at.toISOString(),
          r.actorId,
          r.action,
          r.entityType,
          r.entityId,
          r.ip,
          JSON.stringify(r.details),
        ]),
      ).replace(/^\r\n/, '');
      after = rows[rows.length - 1].id;
    }
  }
}

function toFilter(f: ListFilter): AuditListFilter {
  const from = bound(f, 'at_gte', false);
  const to = bound(f, 'at_lte', true);
  if (from && to && from > to) throw filterError('at_gte', 'must not be after at_lte');
  return {
    ids: textsFilter(f, 'id', /^\d{1,18}$/, 'an audit event id'),
    actorIds: uuidsFilter(f, 'actorId'),
    actions: enumFilter(f, 'action', AUDIT_ACTIONS),
    entityTypes: textsFilter(f, 'entityType', /^[a-z_]{1,40}$/, 'a record type like case'),
    entityIds: textsFilter(f, 'entityId', /^[\w-]{1,64}$/, 'a record id'),
    from,
    to,
  };
}

/** A London date (the whole day: its start for `from`, its end for `to`) or an ISO date-time. */
function bound(f: ListFilter, key: string, endOfDay: boolean): Date | undefined {
  const value = f[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && addCalendarDays(value, 0) === value) {
    return endOfDay ? new Date(londonTime(addCalendarDays(value, 1)).getTime() - 1) : londonTime(value);
  }
  const parsed = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime()))
    throw filterError(key, 'must be a date like 2026-11-01 or an ISO date-time');
  return parsed;
}

function toDto(row: AuditEventEntity): AuditEventDto {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    ip: row.ip,
    details: row.details,
  };
}
