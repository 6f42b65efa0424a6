import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseDataSubjectRepository } from './case-data-subject.repository';

/**
 * What the privacy lib asks of cases about one supporter: which cases are theirs, erasing the
 * personal and health text of those cases (in the caller's transaction), and everything held for a
 * subject access export. Unaudited: the privacy lib audits the erasure and the export.
 */
@Injectable()
export class CaseDataSubjectService {
  constructor(private readonly repo: CaseDataSubjectRepository) {}

  caseIdsOfSupporter(supporterId: string, tx?: EntityManager): Promise<string[]> {
    return this.repo.caseIdsOf(supporterId, tx);
  }

  eraseSupporterCasesIn(tx: EntityManager, caseIds: string[]): Promise<{ cases: number; notes: number }> {
    return this.repo.erase(tx, caseIds);
  }

  exportUnaudited(caseIds: string[]) {
    return this.repo.rowsOf(caseIds);
  }
}
