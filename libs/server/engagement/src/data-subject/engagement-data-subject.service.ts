import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EngagementDataSubjectRepository } from './engagement-data-subject.repository';

/**
 * What the privacy lib asks of engagement about a supporter's cases: erase the text of their letters,
 * meetings, agreed actions and MP records (in the caller's transaction), and everything held for a
 * subject access export. Unaudited: the privacy lib audits both.
 */
@Injectable()
export class EngagementDataSubjectService {
  constructor(private readonly repo: EngagementDataSubjectRepository) {}

  eraseSupporterCasesIn(tx: EntityManager, caseIds: string[]): Promise<Record<string, number>> {
    return this.repo.erase(tx, caseIds);
  }

  exportUnaudited(caseIds: string[]) {
    return this.repo.rowsOf(caseIds);
  }
}
