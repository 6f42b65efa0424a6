import { Injectable, Logger } from '@nestjs/common';
import { emailKindsWhere, type DomainEventPayloads } from '@campaign-desk/contracts';
import { Clock, OnDomainEvent } from '@campaign-desk/server-core';
import { CaseDataSubjectService } from '@campaign-desk/server-cases';
import { MpAddressStatusService } from '@campaign-desk/server-directory';
import type { EntityManager } from 'typeorm';
import { ChasePlanRepository } from '../chase-plan/chase-plan.repository';
import { ChasePlanService } from '../chase-plan/chase-plan.service';
import { CorrespondenceDataSubjectService } from '../data-subject/correspondence-data-subject.service';
import { OutboxService } from '../outbox/outbox.service';
import { ScheduledEmailsRepository } from '../outbox/scheduled-emails.repository';

const MP_KINDS = emailKindsWhere((k) => k.recipient === 'mp');

/**
 * Stops what is pending when another domain's change says it must not go, inside that change's
 * transaction (so the cancellation commits with it), visibly: each row keeps its reason.
 */
@Injectable()
export class CancellationSubscriber {
  private readonly logger = new Logger(CancellationSubscriber.name);

  constructor(
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly plans: ChasePlanService,
    private readonly rows: ScheduledEmailsRepository,
    private readonly cases: CaseDataSubjectService,
    private readonly dataSubject: CorrespondenceDataSubjectService,
    private readonly tasks: ChasePlanRepository,
    private readonly addressStatus: MpAddressStatusService,
  ) {}

  @OnDomainEvent('case.status_changed')
  async onCaseStatus(event: DomainEventPayloads['case.status_changed'], tx: EntityManager): Promise<void> {
    if (event.to === 'closed' || event.to === 'on_hold') {
      const reason = event.to === 'closed' ? 'case_closed' : 'case_on_hold';
      await this.plans.stop(tx, event.caseId, reason, { actorId: event.actorId });
      await this.outbox.cancelForCase(tx, event.caseId, reason, { actorId: event.actorId });
    } else if (event.from === 'awaiting_mp') {
      // The chase plan only runs while the case awaits the MP.
      await this.plans.stop(tx, event.caseId, event.to === 'mp_responded' ? 'mp_responded' : 'case_moved_on', {
        actorId: event.actorId,
      });
    }
  }

  @OnDomainEvent('supporter.contact_paused')
  async onSupporterPaused(event: DomainEventPayloads['supporter.contact_paused'], tx: EntityManager): Promise<void> {
    if (event.reason === 'deleted') {
      const caseIds = await this.cases.caseIdsOfSupporter(event.supporterId, tx);
      await this.dataSubject.stopAllContactIn(tx, event.supporterId, caseIds, 'supporter_deleted', event.actorId);
      return;
    }
    if (event.reason === 'on_hold') {
      await this.outbox.cancelForSupporter(tx, event.supporterId, 'supporter_on_hold', { actorId: event.actorId });
      return;
    }
    const withdrawn = event.consent ?? 'contactByEmail';
    const kinds = emailKindsWhere((k) => k.consent === withdrawn);
    await this.outbox.cancelForSupporter(tx, event.supporterId, 'consent_withdrawn', { kinds, actorId: event.actorId });
  }

  @OnDomainEvent('supporter.merged')
  async onSupporterMerged(event: DomainEventPayloads['supporter.merged'], tx: EntityManager): Promise<void> {
    await this.rows.moveSupporter(event.sourceId, event.targetId, tx);
  }

  /** A reply to one of our emails to the MP's office (threaded by its headers) means the office has answered. */
  @OnDomainEvent('message.received')
  async onMessage(event: DomainEventPayloads['message.received'], tx: EntityManager): Promise<void> {
    if (!event.caseId || event.classification !== 'reply' || !event.relatedMessageId) return;
    const answered = await this.rows.findByMessageId(event.relatedMessageId, tx);
    if (!answered || answered.recipientKind !== 'mp' || answered.caseId !== event.caseId) return;
    const stopped = await this.plans.stop(tx, event.caseId, 'mp_emailed');
    this.logger.log(
      { caseId: event.caseId, messageId: event.messageId, cancelled: stopped.emails.length },
      'MP office replied; chases stopped',
    );
  }

  /**
   * A hard bounce of an email to the MP's office marks that address failing (DESIGN §4 invariant 9):
   * the case's pending MP-bound mail is cancelled (`address_failing`; other cases' mail is cancelled
   * by the sender's re-check when it falls due) and a task asks staff to check the address. A soft
   * (transient) bounce only stamps the email.
   */
  @OnDomainEvent('message.bounced')
  async onBounce(event: DomainEventPayloads['message.bounced'], tx: EntityManager): Promise<void> {
    const now = this.clock.now();
    await this.rows.markBounced(tx, event.messageId, now);
    if (!event.permanent) return;
    const bounced = await this.rows.findByMessageId(event.messageId, tx);
    if (!bounced || bounced.recipientKind !== 'mp' || !bounced.recipientAddress) return;
    const marked = await this.addressStatus.markFailing(tx, bounced.recipientAddress, now);
    if (!marked.length) return;
    const cancelled = await this.outbox.cancelForCase(tx, bounced.caseId, 'address_failing', { kinds: MP_KINDS });
    await this.tasks.insertTask(tx, {
      caseId: bounced.caseId,
      mpContactId: bounced.mpContactId,
      dueAt: now,
      kind: 'check_mp_address',
    });
    this.logger.warn(
      { caseId: bounced.caseId, mpIds: marked, cancelled: cancelled.length },
      "MP's address hard-bounced: marked failing, pending mail to it cancelled",
    );
  }
}
