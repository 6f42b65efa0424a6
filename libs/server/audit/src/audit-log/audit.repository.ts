import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository, type DeepPartial, type SelectQueryBuilder } from 'typeorm';
import type { ListQuery } from '@campaign-desk/server-core';
import { AuditEventEntity } from './audit-event.entity';

export type AuditFilterField = 'actorId' | 'action' | 'entityType' | 'entityId' | 'at_gte' | 'at_lte';
export type AuditSortField = 'at' | 'id';

/** What the audit log page searches by: who, which record, what and when. */
export interface AuditListFilter {
  ids?: string[];
  actorIds?: string[];
  actions?: string[];
  entityTypes?: string[];
  entityIds?: string[];
  from?: Date;
  to?: Date;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly repo: Repository<AuditEventEntity>) {}

  /** Inserts inside the caller's transaction when one is given, so the event commits with its change. */
  async insert(event: DeepPartial<AuditEventEntity>, manager?: EntityManager): Promise<void> {
    const target = manager ? manager.getRepository(AuditEventEntity) : this.repo;
    await target.save(target.create(event), { reload: false });
  }

  list(
    query: ListQuery<AuditFilterField, AuditSortField>,
    filter: AuditListFilter,
  ): Promise<[AuditEventEntity[], number]> {
    return this.filtered(filter)
      .orderBy(`e.${query.sort.field}`, query.sort.order)
      .addOrderBy('e.id', query.sort.order)
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
  }

  /** One page of the export, oldest first, after the id given (keyset: stable while events are added). */
  exportPage(filter: AuditListFilter, afterId: string | null, size: number): Promise<AuditEventEntity[]> {
    const qb = this.filtered(filter);
    if (afterId) qb.andWhere('e.id > :afterId', { afterId });
    return qb.orderBy('e.id', 'ASC').limit(size).getMany();
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

  private filtered(f: AuditListFilter): SelectQueryBuilder<AuditEventEntity> {
    const qb = this.repo.createQueryBuilder('e');
    if (f.ids) qb.andWhere('e.id IN (:...ids)', { ids: f.ids });
    if (f.actorIds) qb.andWhere('e.actor_id IN (:...actorIds)', { actorIds: f.actorIds });
    if (f.actions) qb.andWhere('e.action IN (:...actions)', { actions: f.actions });
    if (f.entityTypes) qb.andWhere('e.entity_type IN (:...entityTypes)', { entityTypes: f.entityTypes });
    if (f.entityIds) {
      // A record is named by its own id, or listed among the ids of a list read.
      const entityIds = f.entityIds;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('e.entity_id IN (:...entityIds)', { entityIds })
            .orWhere(`e.details -> 'ids' ?| ARRAY[:...entityIds]::text[]`, { entityIds }),
        ),
      );
    }
    if (f.from) qb.andWhere('e.at >= :from', { from: f.from });
    if (f.to) qb.andWhere('e.at <= :to', { to: f.to });
    return qb;
  }
}
