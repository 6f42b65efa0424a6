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

  async findOne(id: string): Promise<AuditEventEntity | null> {
    return this.repo.findOneBy({ id });
  }
}
