import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { MeetingStatus, MeetingType, MeetingSortField } from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { AgreedActionEntity, MeetingEntity } from './meeting.entity';

export interface MeetingListFilter {
  ids?: string[];
  caseIds?: string[];
  mpIds?: number[];
  statuses?: MeetingStatus[];
  types?: MeetingType[];
}

export type NewAgreedAction = Pick<
  AgreedActionEntity,
  'meetingId' | 'caseId' | 'description' | 'owner' | 'dueDate' | 'chase' | 'position'
>;

@Injectable()
export class MeetingsRepository {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(AgreedActionEntity) private readonly actions: Repository<AgreedActionEntity>,
  ) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.meetings.manager.transaction(fn);
  }

  async insert(
    tx: EntityManager,
    values: Omit<MeetingEntity, 'id' | 'createdAt' | 'updatedAt' | 'thankYouEmailId'>,
  ): Promise<MeetingEntity> {
    const result = await tx.insert(MeetingEntity, values);
    return tx.findOneByOrFail(MeetingEntity, { id: (result.identifiers[0] as { id: string }).id });
  }

  async update(
    tx: EntityManager,
    id: string,
    values: Partial<Omit<MeetingEntity, 'id' | 'createdAt'>>,
  ): Promise<MeetingEntity> {
    await tx.update(MeetingEntity, { id }, { ...values, updatedAt: () => 'now()' });
    return tx.findOneByOrFail(MeetingEntity, { id });
  }

  /** The meeting, locked until the transaction ends (recording the outcome twice at once is one outcome). */
  lockById(tx: EntityManager, id: string): Promise<MeetingEntity | null> {
    return tx.findOne(MeetingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string): Promise<MeetingEntity | null> {
    return this.meetings.findOneBy({ id });
  }

  async insertActions(tx: EntityManager, rows: NewAgreedAction[]): Promise<AgreedActionEntity[]> {
    if (!rows.length) return [];
    const result = await tx.insert(AgreedActionEntity, rows);
    const ids = result.identifiers.map((i) => (i as { id: string }).id);
    const saved = await tx.findBy(AgreedActionEntity, { id: In(ids) });
    return saved.sort((a, b) => a.position - b.position);
  }

  async linkChase(tx: EntityManager, actionId: string, emailId: string): Promise<void> {
    await tx.update(AgreedActionEntity, { id: actionId }, { chaseEmailId: emailId });
  }

  async markActionDone(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.update(AgreedActionEntity, { id }, { doneAt: at });
  }

  /** Agreed actions of these meetings, oldest first. */
  actionsOf(meetingIds: string[], tx?: EntityManager): Promise<AgreedActionEntity[]> {
    if (!meetingIds.length) return Promise.resolve([]);
    return (tx ?? this.actions.manager).find(AgreedActionEntity, {
      where: { meetingId: In(meetingIds) },
      order: { createdAt: 'ASC', position: 'ASC', id: 'ASC' },
    });
  }

  findAction(id: string): Promise<AgreedActionEntity | null> {
    return this.actions.findOneBy({ id });
  }

  latestForCase(caseId: string, limit: number): Promise<[MeetingEntity[], number]> {
    return this.meetings.findAndCount({ where: { caseId }, order: { startsAt: 'DESC', id: 'DESC' }, take: limit });
  }

  latestActionsForCase(caseId: string, limit: number): Promise<[AgreedActionEntity[], number]> {
    return this.actions.findAndCount({
      where: { caseId },
      order: { createdAt: 'DESC', position: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  async list(
    query: ListQuery<string, MeetingSortField>,
    filter: MeetingListFilter,
  ): Promise<[MeetingEntity[], number]> {
    const qb = this.meetings.createQueryBuilder('m');
    if (filter.ids) qb.andWhere('m.id IN (:...ids)', { ids: filter.ids });
    if (filter.caseIds) qb.andWhere('m.caseId IN (:...caseIds)', { caseIds: filter.caseIds });
    if (filter.mpIds) qb.andWhere('m.mpId IN (:...mpIds)', { mpIds: filter.mpIds });
    if (filter.statuses) qb.andWhere('m.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.types) qb.andWhere('m.type IN (:...types)', { types: filter.types });
    qb.orderBy(`m.${query.sort.field}`, query.sort.order).addOrderBy('m.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }
}
