import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { ListQuery } from '@campaign-desk/server-core';
import { MpContactEntity } from './mp-contact.entity';
import type { MpContactSortField } from '@campaign-desk/contracts';

export interface MpContactListFilter {
  ids?: string[];
  caseIds?: string[];
  mpIds?: number[];
  channels?: string[];
  directions?: string[];
}

@Injectable()
export class MpContactsRepository {
  constructor(@InjectRepository(MpContactEntity) private readonly repo: Repository<MpContactEntity>) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.manager.transaction(fn);
  }

  async insert(tx: EntityManager, values: Omit<MpContactEntity, 'id' | 'createdAt'>): Promise<MpContactEntity> {
    const result = await tx.insert(MpContactEntity, values);
    return tx.findOneByOrFail(MpContactEntity, { id: (result.identifiers[0] as { id: string }).id });
  }

  findById(id: string, tx?: EntityManager): Promise<MpContactEntity | null> {
    return (tx ?? this.repo.manager).findOneBy(MpContactEntity, { id });
  }

  /** The case's most recent contact to the MP (what a response answers). */
  latestOutbound(caseId: string, tx?: EntityManager): Promise<MpContactEntity | null> {
    return (tx ?? this.repo.manager).findOne(MpContactEntity, {
      where: { caseId, direction: 'outbound' },
      order: { contactedAt: 'DESC', createdAt: 'DESC' },
    });
  }

  /** The MPs a case has been in contact with (either way). */
  async mpIdsOfCase(caseId: string): Promise<number[]> {
    const rows: { mpId: number }[] = await this.repo
      .createQueryBuilder('c')
      .select('DISTINCT c.mpId', 'mpId')
      .where('c.caseId = :caseId AND c.mpId IS NOT NULL', { caseId })
      .getRawMany();
    return rows.map((r) => Number(r.mpId));
  }

  latestForCase(caseId: string, limit: number): Promise<[MpContactEntity[], number]> {
    return this.repo.findAndCount({ where: { caseId }, order: { contactedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async list(
    query: ListQuery<string, MpContactSortField>,
    filter: MpContactListFilter,
  ): Promise<[MpContactEntity[], number]> {
    const qb = this.repo.createQueryBuilder('c');
    if (filter.ids) qb.andWhere('c.id IN (:...ids)', { ids: filter.ids });
    if (filter.caseIds) qb.andWhere('c.caseId IN (:...caseIds)', { caseIds: filter.caseIds });
    if (filter.mpIds) qb.andWhere('c.mpId IN (:...mpIds)', { mpIds: filter.mpIds });
    if (filter.channels) qb.andWhere('c.channel IN (:...channels)', { channels: filter.channels });
    if (filter.directions) qb.andWhere('c.direction IN (:...directions)', { directions: filter.directions });
    qb.orderBy(`c.${query.sort.field}`, query.sort.order).addOrderBy('c.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }
}
