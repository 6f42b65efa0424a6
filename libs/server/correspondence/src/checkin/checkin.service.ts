import { Injectable } from '@nestjs/common';
import { CHECKIN_ANSWERS, type CheckinAnswer } from '@campaign-desk/contracts';
import { Clock, DomainEvents } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { ChasePlanService } from '../chase-plan/chase-plan.service';
import { carriesCheckinLinks } from '../email-kinds/email-kind-definitions';
import type { ScheduledEmailEntity } from '../outbox/scheduled-email.entity';
import { ScheduledEmailsRepository } from '../outbox/scheduled-emails.repository';
import { CheckinAnswersRepository } from './checkin-answers.repository';
import { CheckinLinks } from './checkin-links';
import { problemPage, questionPage, thanksPage } from './checkin-page';

export interface HtmlPage {
  status: number;
  html: string;
}

const isAnswer = (value: unknown): value is CheckinAnswer => CHECKIN_ANSWERS.includes(value as CheckinAnswer);

/**
 * The supporter's one-click answer to "Has your MP replied?". The link is signed and expires, and
 * works only once its email has been sent; the answer is recorded once (a second use of any link of the same check-in is refused). Answering
 * stops the check-in reminder; engagement records what it means for the case (the
 * `checkin.answered` event, in the same transaction).
 */
@Injectable()
export class CheckinService {
  constructor(
    private readonly clock: Clock,
    private readonly links: CheckinLinks,
    private readonly answers: CheckinAnswersRepository,
    private readonly emails: ScheduledEmailsRepository,
    private readonly plans: ChasePlanService,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  async page(token: string, answer: unknown): Promise<HtmlPage> {
    const checked = await this.check(token);
    if (!checked.ok) return checked.page;
    return { status: 200, html: questionPage(token, isAnswer(answer) ? answer : null) };
  }

  async answer(token: string, answer: unknown, ip: string | null): Promise<HtmlPage> {
    const checked = await this.check(token);
    if (!checked.ok) return checked.page;
    if (!isAnswer(answer)) return { status: 400, html: problemPage('invalid') };
    const { email } = checked;
    const now = this.clock.now();
    const recorded = await this.emails.transaction(async (tx) => {
      const inserted = await this.answers.insertOnce(tx, {
        caseId: email.caseId,
        mpContactId: email.mpContactId,
        scheduledEmailId: email.id,
        answer,
        answeredAt: now,
      });
      if (!inserted) return false;
      await this.plans.stop(tx, email.caseId, 'checkin_answered', { checkinsOnly: true });
      await this.events.publish(
        'checkin.answered',
        {
          caseId: email.caseId,
          mpContactId: email.mpContactId,
          scheduledEmailId: email.id,
          answer,
          answeredAt: now.toISOString(),
        },
        tx,
      );
      await this.audit.record(
        {
          actorId: null,
          ip,
          action: 'checkin.answered',
          entityType: 'case',
          entityId: email.caseId,
          details: { scheduledEmailId: email.id, answer },
        },
        tx,
      );
      return true;
    });
    return recorded ? { status: 200, html: thanksPage(answer) } : { status: 410, html: problemPage('used') };
  }

  private async check(
    token: string,
  ): Promise<{ ok: false; page: HtmlPage } | { ok: true; email: ScheduledEmailEntity }> {
    const problem = (status: number, kind: 'invalid' | 'expired' | 'used') => ({
      ok: false as const,
      page: { status, html: problemPage(kind) },
    });
    const verified = await this.links.verify(token, this.clock.now());
    if (!verified.ok) return verified.problem === 'expired' ? problem(410, 'expired') : problem(400, 'invalid');
    const email = await this.emails.findById(verified.claims.scheduledEmailId);
    // Only a link that went out in a sent email: a draft, pending, failed or unknown one was never delivered.
    if (!email || !carriesCheckinLinks(email.kind) || email.status !== 'sent') return problem(400, 'invalid');
    if (await this.answers.findFor(email.id, email.mpContactId)) return problem(410, 'used');
    return { ok: true, email };
  }
}
