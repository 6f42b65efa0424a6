import { BadRequestException, Injectable } from '@nestjs/common';
import { CHECKIN_ANSWERS, type CheckinAnswer } from '@campaign-desk/contracts';
import { Clock, DomainEvents } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { ChasePlanService } from '../chase-plan/chase-plan.service';
import { carriesCheckinLinks } from '../email-kinds/email-kind-definitions';
import type { ScheduledEmailEntity } from '../outbox/scheduled-email.entity';
import { ScheduledEmailsRepository } from '../outbox/scheduled-emails.repository';
import { CheckinAnswersRepository } from './checkin-answers.repository';
import { CheckinLinks } from './checkin-links';
import { problemPage, questionPage, replyPage, thanksPage } from './checkin-page';
import { parseReply, type CheckinReply } from './checkin-reply';

export interface HtmlPage {
  status: number;
  html: string;
}

/** Engagement's refusal of a reply date before the MP contact (a 400 naming `receivedAt`). */
function receivedAtRefused(error: BadRequestException): boolean {
  const body = error.getResponse();
  return (
    typeof body === 'object' &&
    body !== null &&
    'fields' in body &&
    !!(body.fields as Record<string, unknown>)?.['receivedAt']
  );
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

  /**
   * Records the answer. "yes" first shows the page asking when the reply came and whether it dealt with
   * what was asked (`form.details` marks that page's POST); its answer is checked here (a future date is
   * refused) and by engagement (a date before the MP contact is refused), and a refusal asks again with
   * nothing recorded.
   */
  async answer(
    token: string,
    answer: unknown,
    ip: string | null,
    form: Record<string, unknown> = {},
  ): Promise<HtmlPage> {
    const checked = await this.check(token);
    if (!checked.ok) return checked.page;
    if (!isAnswer(answer)) return { status: 400, html: problemPage('invalid') };
    const now = this.clock.now();
    let reply: CheckinReply | null = null;
    if (answer === 'yes') {
      if (form['details'] === undefined) return { status: 200, html: replyPage(token) };
      const parsed = parseReply(form, now);
      if (!parsed.ok) return { status: 400, html: replyPage(token, form, parsed.message) };
      reply = parsed.reply;
    }
    try {
      return await this.record(checked.email, answer, reply, now, ip);
    } catch (error) {
      if (reply && error instanceof BadRequestException && receivedAtRefused(error))
        return {
          status: 400,
          html: replyPage(token, form, 'That date is before your MP was contacted about this. Please check it.'),
        };
      throw error;
    }
  }

  private async record(
    email: ScheduledEmailEntity,
    answer: CheckinAnswer,
    reply: CheckinReply | null,
    now: Date,
    ip: string | null,
  ): Promise<HtmlPage> {
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
          reply,
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
          details: {
            scheduledEmailId: email.id,
            answer,
            ...(reply ? { receivedAtSource: reply.receivedAtSource, addressed: reply.addressed } : {}),
          },
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
