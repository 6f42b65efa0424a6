import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CaseAssignmentEntity, CaseStatusChangeEntity } from './case-history.entity';

/** Status changes and assignment changes: append-only history the timeline reads. */
@Injectable()
export class CaseHistoryRepository {
  constructor(
    @InjectRepository(CaseStatusChangeEntity) private readonly statusChanges: Repository<CaseStatusChangeEntity>,
    @InjectRepository(CaseAssignmentEntity) private readonly assignments: Repository<CaseAssignmentEntity>,
  ) {}

  async addStatusChange(change: Omit<CaseStatusChangeEntity, 'id'>, tx: EntityManager): Promise<void> {
    await tx.insert(CaseStatusChangeEntity, change);
  }

  async addAssignment(change: Omit<CaseAssignmentEntity, 'id'>, tx: EntityManager): Promise<void> {
    await tx.insert(CaseAssignmentEntity, change);
  }

  latestStatusChanges(caseId: string, limit: number): Promise<[CaseStatusChangeEntity[], number]> {
    return this.statusChanges.findAndCount({ where: { caseId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }

  latestAssignments(caseId: string, limit: number): Promise<[CaseAssignmentEntity[], number]> {
    return this.assignments.findAndCount({ where: { caseId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }
}
