import type { Actor, AuditAction } from '@campaign-desk/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { Clock, DomainEvents } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { MessagesService } from '@campaign-desk/server-intake';
import type { EntityManager } from 'typeorm';
import { CaseLookup } from '../cases/case-lookup';
import type { CaseEntity } from '../cases/case.entity';
import { CaseHistoryRepository } from '../history/case-history.repository';
import { CasesRepository, type NewCase } from '../cases/cases.repository';
import { CaseSlaPolicy } from '../sla/case-sla';
import { planTransition, type TransitionPlan, type TransitionRequest } from './case-workflow';

/**
 * Moves cases through the workflow. The case row is locked for the whole change, so two people
 * pressing different buttons at once are serialised and the second is judged against the first's
 * result (a 409 if it is no longer legal). The history row, audit event, domain event and (for a
 * duplicate) the move of its messages commit together or not at all.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly lookup: CaseLookup,
    private readonly history: CaseHistoryRepository,
    private readonly sla: CaseSlaPolicy,
    private readonly messages: MessagesService,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  /** `tx`: run inside the caller's transaction (engagement moves the case with the MP contact or response it records). */
  async transition(id: string, request: TransitionRequest, actor: Actor, outerTx?: EntityManager): Promise<void> {
    const run = async (tx: EntityManager) => {
      const current = await this.lookup.lock(tx, id);
      const plan = planTransition(current, request);
      if (plan.duplicateOfId) await this.checkOriginal(tx, current, plan.duplicateOfId);
      const now = this.clock.now();
      const next = { ...current, status: plan.to };
      const changes: Partial<NewCase> = {
        status: plan.to,
        statusChangedAt: now,
        heldFromStatus: plan.to === 'on_hold' ? plan.from : null,
        outcome: plan.outcome,
        duplicateOfId: plan.duplicateOfId,
        closedAt: plan.to === 'closed' ? now : null,
        ...this.sla.afterTransition(next, plan.from, now),
        updatedAt: now,
      };
      await this.cases.update(current.id, changes, tx);
      await this.history.addStatusChange(
        {
          caseId: current.id,
          fromStatus: plan.from,
          toStatus: plan.to,
          outcome: plan.outcome,
          duplicateOfId: plan.duplicateOfId,
          actorId: actor.id,
          at: now,
        },
        tx,
      );
      const movedMessages = plan.duplicateOfId
        ? await this.moveMessagesToOriginal(tx, current.id, plan.duplicateOfId)
        : [];
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: auditAction(plan),
          entityType: 'case',
          entityId: current.id,
          details: {
            from: plan.from,
            to: plan.to,
            outcome: plan.outcome,
            duplicateOfId: plan.duplicateOfId,
            messagesMoved: movedMessages,
          },
        },
        tx,
      );
      await this.events.publish(
        'case.status_changed',
        { caseId: current.id, from: plan.from, to: plan.to, actorId: actor.id },
        tx,
      );
    };
    await (outerTx ? run(outerTx) : this.cases.transaction(run));
  }

  /** The original must exist and must not itself point back at this case (or be closed as a duplicate). */
  private async checkOriginal(tx: EntityManager, current: CaseEntity, originalId: string): Promise<void> {
    const original = await this.cases.findById(originalId, tx);
    if (!original)
      throw new BadRequestException({
        message: 'duplicateOfId is not a case',
        fields: { duplicateOfId: 'is not a case' },
      });
    if (original.duplicateOfId) {
      throw new BadRequestException({
        message: `duplicateOfId ${original.reference} is itself a duplicate of another case: point at that one`,
        fields: { duplicateOfId: `is itself a duplicate (of ${original.duplicateOfId})` },
      });
    }
    if (original.id === current.id)
      throw new BadRequestException({
        message: 'duplicateOfId cannot be the case itself',
        fields: { duplicateOfId: 'cannot be the case itself' },
      });
  }

  /** A duplicate's emails join the original case (and its search). */
  private async moveMessagesToOriginal(tx: EntityManager, duplicateId: string, originalId: string): Promise<string[]> {
    const { moved, texts } = await this.messages.moveCaseMessages(duplicateId, originalId, tx);
    if (moved.length) await this.cases.appendSearchMessages(originalId, texts, tx);
    return moved;
  }
}

function auditAction(plan: TransitionPlan): AuditAction {
  if (plan.reopening) return 'case.reopened';
  if (plan.to === 'closed') return 'case.closed';
  return 'case.status_changed';
}
