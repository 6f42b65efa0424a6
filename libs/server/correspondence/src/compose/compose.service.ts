import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  EMAIL_KINDS,
  type CaseDetail,
  type ComposeEmailInput,
  type ComposeKind,
  type ScheduledEmailKind,
  type SupporterDto,
} from '@campaign-desk/contracts';
import { Clock, fieldError, UUID } from '@campaign-desk/server-core';
import { CasesService } from '@campaign-desk/server-cases';
import { MessagesService } from '@campaign-desk/server-intake';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import { EmailTemplatesService, renderEmail } from '../templates/email-templates.service';
import { EmailPreparer, withCaseReference } from './email-preparer.service';

/** Why staff cannot send an email that needs a consent the supporter has not given. */
const NOT_CONSENTED: { readonly [C in (typeof EMAIL_KINDS)[ComposeKind]['consent']]: string } = {
  contactByEmail: 'The supporter has not consented to being contacted by email',
  shareWithMp: 'The supporter has not consented to sharing their case with their MP',
};

export interface ComposedEmail {
  caseId: string;
  supporterId: string | null;
  kind: ScheduledEmailKind;
  subject: string;
  body: string;
  templateKey: string | null;
  templateVersion: number | null;
  inReplyTo: string | null;
  references: string[];
}

/**
 * Emails staff write from the case: a reply to the supporter, threaded to the message it answers,
 * or an email to the MP's office. The text is rendered when it is written (what staff saw is what
 * goes) and queued in the outbox to send now.
 */
@Injectable()
export class ComposeService {
  constructor(
    private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly messages: MessagesService,
    private readonly templates: EmailTemplatesService,
    private readonly preparer: EmailPreparer,
    private readonly outbox: OutboxService,
  ) {}

  /** Checks the case can take it and renders the text; nothing is written yet. */
  async compose(caseId: string, kind: ComposeKind, input: ComposeEmailInput, staffId: string): Promise<ComposedEmail> {
    if (!UUID.test(caseId)) throw new NotFoundException('Case not found');
    const detail = await this.cases.readDetailUnaudited(caseId);
    this.checkCase(detail, kind);
    if (!input.templateKey && !input.body) throw fieldError('body', 'is required (or give a templateKey)');
    let subject = input.subject ?? null;
    let body = input.body ?? null;
    let templateVersion: number | null = null;
    if (input.templateKey) {
      const template = await this.templates.current(input.templateKey).catch((error: unknown) => {
        if (error instanceof NotFoundException) throw fieldError('templateKey', 'is not a template');
        throw error;
      });
      const rendered = renderEmail(template, await this.preparer.scopeFor(detail, staffId));
      subject ??= rendered.subject;
      body ??= rendered.text;
      templateVersion = template.version;
    }
    let inReplyTo: string | null = null;
    let references: string[] = [];
    // An email to the supporter answers their message: it threads to it and keeps its subject.
    if (EMAIL_KINDS[kind].recipient === 'supporter') {
      const target = await this.messages.replyTarget(detail.id, input.inReplyToMessageId);
      if (input.inReplyToMessageId && !target) throw fieldError('inReplyToMessageId', 'is not a message on this case');
      if (target?.rfcMessageId) {
        inReplyTo = target.rfcMessageId;
        references = [...target.references, target.rfcMessageId].slice(-20);
      }
      subject ??= target
        ? /^re:/i.test(target.subject)
          ? target.subject
          : `Re: ${target.subject}`
        : 'Your case with the campaigns team';
    }
    subject ??= `Your constituent ${detail.supporter?.name ?? ''}`.trim();
    return {
      caseId: detail.id,
      supporterId: detail.supporterId,
      kind,
      subject: withCaseReference(subject.replace(/[\r\n]+/g, ' ').slice(0, 280), detail.reference),
      body: body!,
      templateKey: input.templateKey ?? null,
      templateVersion,
      inReplyTo,
      references,
    };
  }

  /** Writes the composed email in the caller's transaction, due now; enqueue after the commit. */
  schedule(tx: EntityManager, email: ComposedEmail, staffId: string, extra: { mpContactId?: string } = {}) {
    return this.outbox.schedule(tx, [
      {
        caseId: email.caseId,
        supporterId: email.supporterId,
        kind: email.kind,
        dueAt: this.clock.now(),
        mpContactId: extra.mpContactId ?? null,
        templateKey: email.templateKey,
        templateVersion: email.templateVersion,
        subject: email.subject,
        body: email.body,
        inReplyTo: email.inReplyTo,
        references: email.references,
        createdBy: staffId,
      },
    ]);
  }

  private checkCase(detail: CaseDetail, kind: ComposeKind): void {
    if (detail.status === 'closed')
      throw new ConflictException({ message: 'The case is closed: reopen it to send email', status: detail.status });
    if (detail.status === 'on_hold')
      throw new ConflictException({
        message: 'The case is on hold: nothing is sent while it is',
        status: detail.status,
      });
    const supporter = detail.supporter as SupporterDto | null;
    if (supporter?.onHold)
      throw new ConflictException({ message: 'The supporter is on hold: nothing is sent while they are' });
    const facts = EMAIL_KINDS[kind];
    if (facts.recipient === 'supporter' && !supporter?.email)
      throw fieldError('caseId', 'has a supporter without an email address');
    if (facts.recipient === 'mp' && detail.mpId === null) throw fieldError('caseId', 'has no MP');
    if (facts.consentOnRecord && !supporter?.consents[facts.consent])
      throw new ConflictException({ message: NOT_CONSENTED[facts.consent] });
  }
}
