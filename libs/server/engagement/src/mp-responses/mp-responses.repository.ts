import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { MpResponseEntity } from './mp-response.entity';

@Injectable()
export class MpResponsesRepository {
  constructor(@InjectRepository(MpResponseEntity) private readonly repo: Repository<MpResponseEntity>) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.manager.transaction(fn);
  }

  async insert(tx: EntityManager, values: Omit<MpResponseEntity, 'id' | 'createdAt'>): Promise<MpResponseEntity> {
    const result = await tx.insert(MpResponseEntity, values);
    return tx.findOneByOrFail(MpResponseEntity, { id: (result.identifiers[0] as { id: string }).id });
  }

  latestForCase(caseId: string, limit: number): Promise<[MpResponseEntity[], number]> {
    return this.repo.findAndCount({ where: { caseId }, order: { receivedAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
