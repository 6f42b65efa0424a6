import { Injectable } from '@nestjs/common';
import type { CancelReason } from '@campaign-desk/contracts';
import type { EntityManager } from 'typeorm';
import { ChasePlanService } from '../chase-plan/chase-plan.service';
import { OutboxService } from '../outbox/outbox.service';
import { CorrespondenceDataSubjectRepository } from './correspondence-data-subject.repository';

/**
 * What other libs ask of correspondence about one supporter: stop every pending email and chase task
 * of theirs and their cases (deleting or erasing a supporter), erase what the outbox holds about them,
 * and everything held for a subject access export. Unaudited: the caller audits.
 */
@Injectable()
export class CorrespondenceDataSubjectService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly plans: ChasePlanService,
    private readonly repo: CorrespondenceDataSubjectRepository,
  ) {}

  /**
   * In the caller's transaction: waits for any send of these cases in flight (it completes and is
   * recorded first), then cancels everything still scheduled, to the supporter or about them, and
   * their cases' open chase tasks. Nothing of theirs can start sending before the transaction ends.
   */
  async stopAllContactIn(
    tx: EntityManager,
    supporterId: string,
    caseIds: string[],
    reason: CancelReason,
    actorId: string | null,
  ): Promise<{ emails: number; tasks: number }> {
    let emails = 0;
    let tasks = 0;
    for (const caseId of [...caseIds].sort()) {
      const stopped = await this.plans.stop(tx, caseId, reason, { actorId });
      tasks += stopped.tasks.length;
      emails += stopped.emails.length;
      emails += (await this.outbox.cancelForCase(tx, caseId, reason, { actorId })).length;
    }
    emails += (await this.outbox.cancelForSupporter(tx, supporterId, reason, { actorId })).length;
    return { emails, tasks };
  }

  eraseSupporterIn(tx: EntityManager, supporterId: string, caseIds: string[]): Promise<number> {
    return this.repo.erase(tx, supporterId, caseIds);
  }

  exportUnaudited(supporterId: string, caseIds: string[]) {
    return this.repo.rowsOf(supporterId, caseIds);
  }
}
