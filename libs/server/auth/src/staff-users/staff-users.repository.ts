import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { ListQuery } from '@campaign-desk/server-core';
import { StaffUserEntity } from './staff-user.entity';

export type StaffUserFilterField = 'role' | 'active';
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

  async list(query: ListQuery<StaffUserFilterField, StaffUserSortField>): Promise<[StaffUserEntity[], number]> {
    const qb = this.repo.createQueryBuilder('u');
    const { q, role, active, id } = query.filter;
    if (typeof q === 'string' && q.trim()) {
      const term = `%${q.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      qb.andWhere(
        new Brackets((w) => w.where('u.name ILIKE :term', { term }).orWhere('u.email::text ILIKE :term', { term })),
      );
    }
    if (role !== undefined) qb.andWhere('u.role IN (:...roles)', { roles: Array.isArray(role) ? role : [role] });
    if (active !== undefined) qb.andWhere('u.active = :active', { active: active === true || active === 'true' });
    if (id !== undefined) qb.andWhere('u.id IN (:...ids)', { ids: Array.isArray(id) ? id : [id] });
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
