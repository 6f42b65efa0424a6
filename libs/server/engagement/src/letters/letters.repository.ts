import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { LetterEntity } from './letter.entity';

@Injectable()
export class LettersRepository {
  constructor(@InjectRepository(LetterEntity) private readonly repo: Repository<LetterEntity>) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.repo.manager.transaction(fn);
  }

  async insert(
    tx: EntityManager,
    values: Pick<LetterEntity, 'caseId' | 'mpId' | 'templateKey' | 'templateVersion' | 'asks' | 'body' | 'createdBy'>,
  ): Promise<LetterEntity> {
    const result = await tx.insert(LetterEntity, values);
    return tx.findOneByOrFail(LetterEntity, { id: (result.identifiers[0] as { id: string }).id });
  }

  /** The case's newest letter (what the PDF, the text and "mark sent" act on). */
  latestForCase(caseId: string, tx?: EntityManager): Promise<LetterEntity | null> {
    return (tx ?? this.repo.manager).findOne(LetterEntity, {
      where: { caseId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The newest letter, locked until the transaction ends, so marking it sent twice at once records one contact. */
  lockLatestForCase(tx: EntityManager, caseId: string): Promise<LetterEntity | null> {
    return tx.findOne(LetterEntity, {
      where: { caseId },
      order: { createdAt: 'DESC', id: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markSent(
    tx: EntityManager,
    id: string,
    values: Pick<LetterEntity, 'sentChannel' | 'sentAt' | 'mpContactId'>,
  ): Promise<LetterEntity> {
    await tx.update(LetterEntity, { id }, { ...values, status: 'sent' });
    return tx.findOneByOrFail(LetterEntity, { id });
  }

  latestPageForCase(caseId: string, limit: number): Promise<[LetterEntity[], number]> {
    return this.repo.findAndCount({ where: { caseId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
