import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { MpActionType, MpActionSortField } from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { MpActionEntity } from './mp-action.entity';

export interface MpActionListFilter {
  ids?: string[];
  caseIds?: string[];
  mpIds?: number[];
  types?: MpActionType[];
  dateFrom?: string;
  dateTo?: string;
}

const COLUMN_OF_SORT = { id: 'id', date: 'actionDate', createdAt: 'createdAt' } as const;

@Injectable()
export class MpActionsRepository {
  constructor(@InjectRepository(MpActionEntity) private readonly repo: Repository<MpActionEntity>) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.manager.transaction(fn);
  }

  async insert(tx: EntityManager, values: Omit<MpActionEntity, 'id' | 'createdAt'>): Promise<MpActionEntity> {
    const result = await tx.insert(MpActionEntity, values);
    return tx.findOneByOrFail(MpActionEntity, { id: (result.identifiers[0] as { id: string }).id });
  }

  findById(id: string): Promise<MpActionEntity | null> {
    return this.repo.findOneBy({ id });
  }

  latestForCase(caseId: string, limit: number): Promise<[MpActionEntity[], number]> {
    return this.repo.findAndCount({ where: { caseId }, order: { actionDate: 'DESC', createdAt: 'DESC' }, take: limit });
  }

  async list(
    query: ListQuery<string, MpActionSortField>,
    filter: MpActionListFilter,
  ): Promise<[MpActionEntity[], number]> {
    const qb = this.repo.createQueryBuilder('a');
    if (filter.ids) qb.andWhere('a.id IN (:...ids)', { ids: filter.ids });
    if (filter.caseIds) qb.andWhere('a.caseId IN (:...caseIds)', { caseIds: filter.caseIds });
    if (filter.mpIds) qb.andWhere('a.mpId IN (:...mpIds)', { mpIds: filter.mpIds });
    if (filter.types) qb.andWhere('a.type IN (:...types)', { types: filter.types });
    if (filter.dateFrom) qb.andWhere('a.actionDate >= :dateFrom', { dateFrom: filter.dateFrom });
    if (filter.dateTo) qb.andWhere('a.actionDate <= :dateTo', { dateTo: filter.dateTo });
    qb.orderBy(`a.${COLUMN_OF_SORT[query.sort.field]}`, query.sort.order).addOrderBy('a.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }
}
