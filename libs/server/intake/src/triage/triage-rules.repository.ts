import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { ListQuery } from '@campaign-desk/server-core';
import { TriageRuleEntity } from './triage-rule.entity';
import type { Topic, Priority } from '@campaign-desk/contracts';

export type TriageRuleFilterField = 'q' | 'topic' | 'priority' | 'active';

export interface TriageRuleListFilter {
  q?: string;
  topics?: Topic[];
  priorities?: Priority[];
  active?: boolean;
  ids?: string[];
}
export type TriageRuleSortField = 'id' | 'keyword' | 'createdAt';

@Injectable()
export class TriageRulesRepository {
  constructor(@InjectRepository(TriageRuleEntity) private readonly repo: Repository<TriageRuleEntity>) {}

  findActive(): Promise<TriageRuleEntity[]> {
    return this.repo.find({ where: { active: true }, order: { keyword: 'ASC' } });
  }

  async list(
    query: ListQuery<TriageRuleFilterField, TriageRuleSortField>,
    filter: TriageRuleListFilter,
  ): Promise<[TriageRuleEntity[], number]> {
    const qb = this.repo.createQueryBuilder('r');
    const { q, topics, priorities, active, ids } = filter;
    if (q) qb.andWhere('r.keyword ILIKE :term', { term: `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%` });
    if (topics) qb.andWhere('r.topic IN (:...topics)', { topics });
    if (priorities) qb.andWhere('r.priority IN (:...priorities)', { priorities });
    if (active !== undefined) qb.andWhere('r.active = :active', { active });
    if (ids) qb.andWhere({ id: In(ids) });
    qb.orderBy(`r.${query.sort.field}`, query.sort.order).addOrderBy('r.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }

  findById(id: string): Promise<TriageRuleEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByKeyword(keyword: string): Promise<TriageRuleEntity | null> {
    return this.repo.createQueryBuilder('r').where('lower(r.keyword) = lower(:keyword)', { keyword }).getOne();
  }

  create(values: Pick<TriageRuleEntity, 'keyword' | 'topic' | 'priority' | 'active'>): Promise<TriageRuleEntity> {
    return this.repo.save(this.repo.create(values));
  }

  async update(
    id: string,
    values: Partial<Pick<TriageRuleEntity, 'keyword' | 'topic' | 'priority' | 'active'>>,
  ): Promise<void> {
    await this.repo.update({ id }, values);
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }
}
