import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { ListQuery } from '@campaign-desk/server-core';
import { StaffUserEntity } from './staff-user.entity';
import type { StaffRole } from '@campaign-desk/contracts';

export type StaffUserFilterField = 'role' | 'active';

export interface StaffUserListFilter {
  q?: string;
  roles?: StaffRole[];
  active?: boolean;
  ids?: string[];
}
export type StaffUserSortField = 'id' | 'name' | 'email' | 'role' | 'active' | 'createdAt' | 'lastLoginAt';

@Injectable()
export class StaffUsersRepository {
  constructor(@InjectRepository(StaffUserEntity) private readonly repo: Repository<StaffUserEntity>) {}

  findById(id: string): Promise<StaffUserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<StaffUserEntity | null> {
    return this.repo.findOneBy({ email });
  }

  /** The only read that returns the password hash. */
  async findWithPasswordByEmail(email: string): Promise<StaffUserEntity | null> {
    return this.repo.createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
  }

  async list(
    query: ListQuery<StaffUserFilterField, StaffUserSortField>,
    filter: StaffUserListFilter,
  ): Promise<[StaffUserEntity[], number]> {
    const qb = this.repo.createQueryBuilder('u');
    const { q, roles, active, ids } = filter;
    if (q) {
      const term = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      qb.andWhere(
        new Brackets((w) => w.where('u.name ILIKE :term', { term }).orWhere('u.email::text ILIKE :term', { term })),
      );
    }
    if (roles) qb.andWhere('u.role IN (:...roles)', { roles });
    if (active !== undefined) qb.andWhere('u.active = :active', { active });
    if (ids) qb.andWhere('u.id IN (:...ids)', { ids });
    qb.orderBy(`u.${query.sort.field}`, query.sort.order, 'NULLS LAST').addOrderBy('u.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }

  create(values: Pick<StaffUserEntity, 'email' | 'name' | 'role' | 'passwordHash'>): Promise<StaffUserEntity> {
    return this.repo.save(this.repo.create({ ...values, active: true }));
  }

  async update(
    id: string,
    values: Partial<Pick<StaffUserEntity, 'name' | 'role' | 'active' | 'passwordHash' | 'lastLoginAt'>>,
  ): Promise<void> {
    await this.repo.update({ id }, values);
  }

  countActiveAdmins(): Promise<number> {
    return this.repo.countBy({ role: 'admin', active: true });
  }
}
