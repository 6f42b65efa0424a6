import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EMAIL_KINDS, type CancelReason, type ScheduledEmailKind } from '@campaign-desk/contracts';
import { AppConfig, DomainEvents } from '@campaign-desk/server-core';
import type { EntityManager } from 'typeorm';
import { EmailJobs } from './email-jobs';
import { ScheduledEmailsRepository, type NewScheduledEmail } from './scheduled-emails.repository';

export interface ScheduleRequest {
  caseId: string;
  supporterId: string | null;
  kind: ScheduledEmailKind;
  dueAt: Date;
  mpContactId?: string | null;
  /** Automated emails render this template at send time; composed ones carry subject and body. */
  templateKey?: string | null;
  templateVersion?: number | null;
  subject?: string | null;
  body?: string | null;
  /** Ids a render context provider needs (a meeting, an agreed action). */
  context?: Record<string, string>;
  inReplyTo?: string | null;
  references?: string[];
  createdBy?: string | null;
  /** A draft is not sent (nor enqueued) until staff approve it (`ScheduledEmailsService.approve`). */
  draft?: boolean;
}

/**
 * The outbox API other libs use. Rows are written in the caller's transaction (so an email exists
 * exactly when the change that caused it commits) and enqueued as soon as it commits, wherever
 * they were scheduled (a domain-event subscriber too); never if it rolls back.
 *
 *   const rows = await outbox.schedule(tx, [{ caseId, supporterId, kind: 'mp_chase', dueAt, templateKey: 'mp_chase' }]);
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly config: AppConfig,
    private readonly rows: ScheduledEmailsRepository,
    private readonly jobs: EmailJobs,
    private readonly events: DomainEvents,
  ) {}

  async schedule(tx: EntityManager, requests: ScheduleRequest[]): Promise<{ id: string; dueAt: Date }[]> {
    const rows: NewScheduledEmail[] = requests.map((r) => {
      const id = randomUUID();
      return {
        id,
        caseId: r.caseId,
        supporterId: r.supporterId,
        mpContactId: r.mpContactId ?? null,
        kind: r.kind,
        recipientKind: EMAIL_KINDS[r.kind].recipient,
        dueAt: r.dueAt,
        templateKey: r.templateKey ?? (r.subject && r.body ? null : r.kind),
        templateVersion: r.templateVersion ?? null,
        subject: r.subject ?? null,
        body: r.body ?? null,
        context: r.context ?? {},
        rfcMessageId: this.messageIdFor(id),
        inReplyTo: r.inReplyTo ?? null,
        references: r.references ?? [],
        createdBy: r.createdBy ?? null,
        status: r.draft ? 'draft' : 'scheduled',
      };
    });
    await this.rows.insertMany(tx, rows);
    const scheduled = rows.map((r) => ({ id: r.id, dueAt: r.dueAt }));
    const toEnqueue = rows.filter((r) => r.status === 'scheduled').map((r) => ({ id: r.id, dueAt: r.dueAt }));
    if (toEnqueue.length) await this.events.afterCommit(tx, () => this.jobs.enqueue(toEnqueue));
    return scheduled;
  }

  /** Deterministic: the same on every attempt of the row, so receivers can tell a repeat. Stored without brackets. */
  messageIdFor(id: string): string {
    return `se-${id}@${this.config.MAIL_DOMAIN}`;
  }

  /**
   * Waits for any send of the case in flight and holds off new ones until the caller's transaction
   * ends. Take it first, before the case row is locked (recording an MP response does), so the
   * lock order is always the same.
   */
  holdCase(tx: EntityManager, caseId: string): Promise<void> {
    return this.rows.lockCasesForChange(tx, [caseId]);
  }

  /**
   * Cancels the case's pending emails (of these kinds, or all) in the caller's transaction, after
   * waiting for any send of the case in flight: once this returns, no email of the case is being
   * sent and none will start before the transaction ends.
   */
  async cancelForCase(
    tx: EntityManager,
    caseId: string,
    reason: CancelReason,
    options: { kinds?: readonly ScheduledEmailKind[]; mpContactId?: string; actorId?: string | null } = {},
  ): Promise<string[]> {
    await this.rows.lockCasesForChange(tx, [caseId]);
    return this.rows.cancelScheduled(
      tx,
      { caseId, kinds: options.kinds, mpContactId: options.mpContactId },
      reason,
      options.actorId ?? null,
    );
  }

  async cancelForSupporter(
    tx: EntityManager,
    supporterId: string,
    reason: CancelReason,
    options: { kinds?: readonly ScheduledEmailKind[]; actorId?: string | null } = {},
  ): Promise<string[]> {
    await this.rows.lockCasesForChange(tx, await this.rows.pendingCaseIdsOfSupporter(tx, supporterId));
    return this.rows.cancelScheduled(tx, { supporterId, kinds: options.kinds }, reason, options.actorId ?? null);
  }
}
