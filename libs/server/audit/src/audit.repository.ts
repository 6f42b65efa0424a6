import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, type DeepPartial } from 'typeorm';
import type { ListQuery } from '@campaign-desk/server-core';
import { AuditEventEntity } from './audit-event.entity';

export type AuditFilterField = 'actorId' | 'action' | 'entityType' | 'entityId';
export type AuditSortField = 'at' | 'id';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly repo: Repository<AuditEventEntity>) {}

  /** Inserts inside the caller's transaction when one is given, so the event commits with its change. */
  async insert(event: DeepPartial<AuditEventEntity>, manager?: EntityManager): Promise<void> {
    const target = manager ? manager.getRepository(AuditEventEntity) : this.repo;
    await target.save(target.create(event), { reload: false });
  }

  async list(query: ListQuery<AuditFilterField, AuditSortField>): Promise<[AuditEventEntity[], number]> {
    const where: Record<string, unknown> = {};
    for (const key of ['actorId', 'action', 'entityType', 'entityId'] as const) {
      const value = query.filter[key];
      if (value !== undefined) where[key] = Array.isArray(value) ? In(value) : value;
    }
    if (query.filter.id !== undefined)
      where.id = Array.isArray(query.filter.id) ? In(query.filter.id) : query.filter.id;
    return this.repo.findAndCount({
      where,
      order: { [query.sort.field]: query.sort.order, id: query.sort.order },
      skip: query.offset,
      take: query.limit,
    });
  }

  /** Events about these records: by entity id, or naming one of them in their details. */
  async eventsAbout(ids: string[], manager?: EntityManager): Promise<AuditEventEntity[]> {
    if (!ids.length) return [];
    return (manager ? manager.getRepository(AuditEventEntity) : this.repo)
      .createQueryBuilder('e')
      .where('e.entity_id = ANY(:ids) OR e.details::text LIKE ANY(:patterns)', {
        ids,
        patterns: ids.map((id) => `%${id.replace(/[\\%_]/g, (c) => '\\' + c)}%`),
      })
      .orderBy('e.at')
      .addOrderBy('e.id')
      .getMany();
  }

  /**
   * Replaces the details of these events (the trigger allows it only with the redaction setting on, only for
   * details marked `redacted`, and never who, what, which record or when).
   */
  async redactDetails(manager: EntityManager, events: { id: string; details: Record<string, unknown> }[]) {
    if (!events.length) return;
    await manager.query(`SELECT set_config('campaign_desk.audit_redaction', 'on', true)`);
    for (const e of events) {
      await manager.query(`UPDATE audit_events SET details = $2::jsonb WHERE id = $1`, [
        e.id,
        JSON.stringify(e.details),
      ]);
    }
    await manager.query(`SELECT set_config('campaign_desk.audit_redaction', 'off', true)`);
  }

  async findOne(id: string): Promise<AuditEventEntity | null> {
    return this.repo.findOneBy({ id });
  }
}
