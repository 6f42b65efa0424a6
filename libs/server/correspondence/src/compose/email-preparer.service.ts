import { Injectable } from '@nestjs/common';
import {
  EMAIL_KINDS,
  type CancelReason,
  type CaseDetail,
  type RenderedEmail,
  type SupporterDto,
} from '@campaign-desk/contracts';
import { StaffUsersService } from '@campaign-desk/server-auth';
import { CasesService } from '@campaign-desk/server-cases';
import { DirectoryService, MpAddressStatusService } from '@campaign-desk/server-directory';
import { InstallSettings, isReservedEmailAddress } from '@campaign-desk/server-core';
import { CheckinAnswersRepository } from '../checkin/checkin-answers.repository';
import { CheckinLinks } from '../checkin/checkin-links';
import { renderEmail, EmailTemplatesService } from '../templates/email-templates.service';
import { escapeHtml, htmlDocument } from '../templates/template-renderer';
import type { ScheduledEmailEntity } from '../outbox/scheduled-email.entity';
import { carriesCheckinLinks } from '../email-kinds/email-kind-definitions';
import type { CaseRenderContext } from '../email-kinds/render-context';
import { RenderContextProviders } from '../email-kinds/render-context-providers';
import { whyNotSend } from '../email-kinds/send-eligibility';

export type Preparation =
  | { kind: 'ready'; to: { name: string; address: string }; email: RenderedEmail; templateVersion: number | null }
  | { kind: 'cancel'; reason: CancelReason }
  | { kind: 'fail'; error: string };

/** Puts `[CD-n]` in a subject that lacks it, so replies thread back into the case (intake matches it). */
export function withCaseReference(subject: string, reference: string): string {
  return subject.includes(`[${reference}]`) ? subject : `${subject} [${reference}]`.trim();
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * Everything between claiming an email and handing it to SMTP: re-checks that it may still go
 * (case status, supporter on hold, consents, check-in answered), finds the recipient's current
 * address (never an MP's address marked failing by a hard bounce; only a reserved one in a demo database) and renders it (the template's current version, recorded on the row).
 */
@Injectable()
export class EmailPreparer {
  constructor(
    private readonly cases: CasesService,
    private readonly directory: DirectoryService,
    private readonly templates: EmailTemplatesService,
    private readonly staff: StaffUsersService,
    private readonly providers: RenderContextProviders,
    private readonly answers: CheckinAnswersRepository,
    private readonly links: CheckinLinks,
    private readonly settings: InstallSettings,
    private readonly addressStatus: MpAddressStatusService,
  ) {}

  async prepare(row: ScheduledEmailEntity, now: Date): Promise<Preparation> {
    const detail = await this.cases.readDetailUnaudited(row.caseId);
    const supporter = detail.supporter && 'email' in detail.supporter ? (detail.supporter as SupporterDto) : null;
    const reason = whyNotSend({
      kind: row.kind,
      caseStatus: detail.status,
      supporter: supporter
        ? { onHold: supporter.onHold, consents: supporter.consents, removed: !!supporter.deletedAt }
        : null,
      checkinAnswered: carriesCheckinLinks(row.kind) && !!(await this.answers.findFor(row.id, row.mpContactId)),
    });
    if (reason) return { kind: 'cancel', reason };

    const mp = await this.mpOf(detail);
    let to: { name: string; address: string };
    if (EMAIL_KINDS[row.kind].recipient === 'supporter') {
      if (!supporter?.email) return { kind: 'fail', error: 'The supporter has no email address on record' };
      to = { name: supporter.name, address: supporter.email };
    } else {
      if (!mp) return { kind: 'fail', error: 'The case has no MP' };
      if (!mp.email) return { kind: 'fail', error: 'The MP has no email address on record' };
      // Never to an address known to bounce (read from Postgres now, not the in-memory index).
      if (detail.mpId !== null && (await this.addressStatus.isFailing(detail.mpId)))
        return { kind: 'cancel', reason: 'address_failing' };
      to = { name: mp.name, address: mp.email };
    }
    // A demo database never writes to a real person, whatever was typed into it.
    if (!isReservedEmailAddress(to.address) && (await this.settings.get('demo_seed')))
      return { kind: 'fail', error: 'Not sent: this is a demo database and the address is not at a reserved domain' };

    if (row.subject !== null && row.body !== null) {
      // Composed by staff (already rendered when it was written): sent as written.
      return {
        kind: 'ready',
        to,
        templateVersion: row.templateVersion,
        email: this.composed(row.subject, row.body, detail.reference),
      };
    }
    const template = await this.templates.current(row.templateKey!);
    const context = await this.providers.contextFor(
      { id: row.id, kind: row.kind, caseId: row.caseId, mpContactId: row.mpContactId, context: row.context },
      await this.scopeFor(detail, row.createdBy ?? detail.assigneeId),
      { checkin: () => this.links.linksFor(row.id, now) },
      now,
    );
    const email = renderEmail(template, context);
    return {
      kind: 'ready',
      to,
      templateVersion: template.version,
      email: { ...email, subject: withCaseReference(email.subject, detail.reference) },
    };
  }

  /** Placeholder values from the case, for composing from a template and for sending. */
  async scopeFor(detail: CaseDetail, staffId: string | null): Promise<CaseRenderContext> {
    const supporter = detail.supporter;
    const mp = await this.mpOf(detail);
    const staffName = staffId
      ? await this.staff.get(staffId).then(
          (u) => u.name,
          () => null,
        )
      : null;
    return {
      supporter: supporter?.name
        ? {
            name: supporter.name,
            firstName: firstName(supporter.name),
            postcode: 'postcode' in supporter ? supporter.postcode : null,
          }
        : {},
      case: { reference: detail.reference },
      mp: mp ? { name: mp.name, party: mp.party, constituency: detail.constituencyName } : {},
      staff: { name: staffName ?? detail.assigneeName ?? 'The campaigns team' },
    };
  }

  composed(subject: string, body: string, reference: string): RenderedEmail {
    return {
      subject: withCaseReference(subject.replace(/[\r\n]+/g, ' '), reference),
      text: body,
      html: htmlDocument(escapeHtml(body)),
    };
  }

  /** The case's MP with their current email (from the in-memory directory when the seat's MP is the case's). */
  private async mpOf(detail: CaseDetail): Promise<{ name: string; party: string; email: string | null } | null> {
    if (detail.mpId === null) return null;
    const seat = detail.constituencyId ? this.directory.constituency(detail.constituencyId) : null;
    if (seat?.mp && seat.mp.id === detail.mpId) return seat.mp;
    return this.directory.getMp(String(detail.mpId)).then(
      (mp) => ({ name: mp.name, party: mp.party, email: mp.email }),
      () => null,
    );
  }
}
