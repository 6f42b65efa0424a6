import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock, type JobContext } from '@campaign-desk/server-core';
import { CasesService } from '@campaign-desk/server-cases';
import { MessagesService } from '@campaign-desk/server-intake';
import { EmailPreparer } from '../compose/email-preparer.service';
import { EMAIL_KIND_DEFINITIONS } from '../email-kinds/email-kind-definitions';
import { MailTransport } from '../mail/mail-transport';
import { buildRawMessage, envelopeFrom } from '../mail/outgoing-message';
import { retryDelayMs, type SendOutcome } from '../mail/send-outcome';
import type { ScheduledEmailEntity } from './scheduled-email.entity';
import { ScheduledEmailsRepository } from './scheduled-emails.repository';
import type { SendSession } from './send-session';

export type SendResult = 'sent' | 'retry' | 'failed' | 'unknown' | 'cancelled' | 'skipped';

/**
 * Sends one outbox row, at most once (DESIGN invariant 2):
 *  1. lock the row (see SendSession) and settle it if a dead worker left it `sending`;
 *  2. take the case's send lock and claim the row: `scheduled → sending` by one UPDATE;
 *  3. re-check that it may still go, render it, hand it to SMTP; the delivery marker is committed
 *     before the message's end leaves, so a crash before it is provably unsent;
 *  4. record the outcome: `sent` (with the outbound message on the case), back to `scheduled`
 *     after a 4xx (backoff), `failed` after a 5xx, `unknown` when the connection was lost after
 *     the hand-over. `unknown` is never retried automatically.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger(EmailSender.name);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly rows: ScheduledEmailsRepository,
    private readonly preparer: EmailPreparer,
    private readonly transport: MailTransport,
    private readonly messages: MessagesService,
    private readonly cases: CasesService,
  ) {}

  async send(id: string, job: Pick<JobContext, 'delayUntil'>): Promise<SendResult> {
    const session = await this.rows.openSendSession();
    let wakeAt: Date | null = null;
    let supporterUpdate: { caseId: string; at: Date } | null = null;
    let result: SendResult;
    try {
      const row = await session.lockRow(id);
      if (!row) return 'skipped';
      // We hold the row lock, so whoever left it `sending` is gone.
      if (row.status === 'sending') await this.rows.settleOrphan(id, session.manager);
      await session.lockCase(row.caseId);
      const claimed = await session.claim(id);
      if (!claimed) return 'skipped';
      if ('notDueUntil' in claimed) {
        wakeAt = claimed.notDueUntil;
        return 'skipped';
      }
      ({ result, wakeAt, supporterUpdate } = await this.attempt(session, claimed));
      return result;
    } finally {
      await session.close();
      if (supporterUpdate) {
        // SLA bookkeeping on the case, outside the send's locks (it locks the case row).
        await this.cases
          .recordSupporterUpdate(supporterUpdate.caseId, supporterUpdate.at)
          .catch((error: Error) =>
            this.logger.warn(
              { scheduledEmailId: id, err: error.message },
              'could not record the supporter update on the case',
            ),
          );
      }
      if (wakeAt) await job.delayUntil(wakeAt);
    }
  }

  private async attempt(
    session: SendSession,
    row: ScheduledEmailEntity,
  ): Promise<{ result: SendResult; wakeAt: Date | null; supporterUpdate: { caseId: string; at: Date } | null }> {
    const now = this.clock.now();
    let outcome: SendOutcome;
    let to: { name: string; address: string } | null = null;
    let prepared: Awaited<ReturnType<EmailPreparer['prepare']>> | null = null;
    try {
      prepared = await this.preparer.prepare(row, now);
      if (prepared.kind === 'cancel') {
        await session.update(row.id, {
          status: 'cancelled',
          cancelledAt: now,
          cancelReason: prepared.reason,
          lastError: null,
        });
        return { result: 'cancelled', wakeAt: null, supporterUpdate: null };
      }
      if (prepared.kind === 'fail') {
        await session.update(row.id, { status: 'failed', lastError: prepared.error, lastResponseCode: null });
        return { result: 'failed', wakeAt: null, supporterUpdate: null };
      }
      to = prepared.to;
      const raw = await buildRawMessage({
        from: this.config.MAIL_FROM,
        to,
        replyTo: this.config.TEAM_MAILBOX,
        subject: prepared.email.subject,
        text: prepared.email.text,
        html: prepared.email.html,
        messageId: `<${row.rfcMessageId}>`,
        inReplyTo: row.inReplyTo ? `<${row.inReplyTo}>` : null,
        references: row.references.map((r) => `<${r}>`),
      });
      outcome = await this.transport.send({ from: envelopeFrom(this.config.MAIL_FROM), to: to.address }, raw, () =>
        session.markDeliveryStarted(row.id),
      );
    } catch (error) {
      // Before the hand-over (preparing or rendering failed): nothing can have left.
      outcome = {
        kind: 'retry',
        responseCode: null,
        error: `could not prepare the email: ${(error as Error).message}`.slice(0, 500),
      };
    }

    if (outcome.kind === 'sent' && prepared?.kind === 'ready' && to) {
      await this.recordSent(session, row, prepared, to);
      return {
        result: 'sent',
        wakeAt: null,
        supporterUpdate: EMAIL_KIND_DEFINITIONS[row.kind].countsAsSupporterUpdate
          ? { caseId: row.caseId, at: this.clock.now() }
          : null,
      };
    }
    if (outcome.kind === 'retry') {
      if (row.attempts >= this.config.SEND_MAX_ATTEMPTS) {
        await session.update(row.id, {
          status: 'failed',
          lastError: `Gave up after ${row.attempts} attempts: ${outcome.error}`,
          lastResponseCode: outcome.responseCode,
        });
        return { result: 'failed', wakeAt: null, supporterUpdate: null };
      }
      const dueAt = new Date(
        this.clock.now().getTime() + retryDelayMs(row.attempts, this.config.SEND_RETRY_BASE_SECONDS),
      );
      await session.update(row.id, {
        status: 'scheduled',
        dueAt,
        lastError: outcome.error,
        lastResponseCode: outcome.responseCode,
        deliveryStartedAt: null,
      });
      this.logger.warn(
        { scheduledEmailId: row.id, attempts: row.attempts, code: outcome.responseCode },
        'email deferred; will retry',
      );
      return { result: 'retry', wakeAt: dueAt, supporterUpdate: null };
    }
    if (outcome.kind === 'failed') {
      await session.update(row.id, {
        status: 'failed',
        lastError: outcome.error,
        lastResponseCode: outcome.responseCode,
      });
      this.logger.warn({ scheduledEmailId: row.id, code: outcome.responseCode }, 'email refused permanently');
      return { result: 'failed', wakeAt: null, supporterUpdate: null };
    }
    const error = outcome.kind === 'unknown' ? outcome.error : 'no recipient';
    await session.update(row.id, {
      status: 'unknown',
      lastError: `The connection was lost after the message was handed over (${error}): it may have been delivered`,
    });
    this.logger.warn({ scheduledEmailId: row.id }, 'email outcome unknown; left for a person to decide');
    return { result: 'unknown', wakeAt: null, supporterUpdate: null };
  }

  /** `sent` and the outbound message commit together; if that fails the row stays `sending` and settles as `unknown`. */
  private async recordSent(
    session: SendSession,
    row: ScheduledEmailEntity,
    prepared: Extract<Awaited<ReturnType<EmailPreparer['prepare']>>, { kind: 'ready' }>,
    to: { name: string; address: string },
  ): Promise<void> {
    const sentAt = this.clock.now();
    await session.unlockCase();
    await session.transaction(async (tx) => {
      const messageId = await this.messages.recordOutbound(
        {
          rfcMessageId: row.rfcMessageId,
          caseId: row.caseId,
          supporterId: row.recipientKind === 'supporter' ? row.supporterId : null,
          fromAddress: envelopeFrom(this.config.MAIL_FROM),
          to: [to],
          subject: prepared.email.subject,
          text: prepared.email.text,
          inReplyTo: row.inReplyTo,
          references: row.references,
          sentAt,
        },
        tx,
      );
      await this.rows.markSent(tx, row.id, {
        sentAt,
        messageId,
        templateVersion: prepared.templateVersion,
        recipientAddress: to.address,
        subject: prepared.email.subject,
      });
    });
  }
}
