import { Injectable, NotFoundException } from '@nestjs/common';
import {
  actorOf,
  MP_CONTACT_CHANNELS,
  MP_CONTACT_DIRECTIONS,
  type ComposeEmailInput,
  type CreateMpContactInput,
  type MpContactDto,
  type ScheduledEmailDto,
  type MpContactSortField,
  type StaffActor,
} from '@campaign-desk/contracts';
import {
  Clock,
  type ListQuery,
  UUID,
  enumFilter,
  positiveIntegersFilter,
  uuidsFilter,
} from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { CasesService, CaseWorkflowService } from '@campaign-desk/server-cases';
import {
  ChasePlanService,
  ComposeService,
  OutboxService,
  ScheduledEmailsService,
} from '@campaign-desk/server-correspondence';
import type { EntityManager } from 'typeorm';
import { pastInstant } from '../shared/dates';
import type { MpContactEntity } from './mp-contact.entity';
import { toMpContactDto } from './mp-contact.mapper';
import { MpContactsRepository, type MpContactListFilter } from './mp-contacts.repository';

/**
 * Contacts with the MP. An outbound one (a letter, an email, a call, a meeting) moves the case to
 * `awaiting_mp` and starts the chase plan, all in one transaction: the contact, the status change
 * and every chase email commit together, or none do.
 */
@Injectable()
export class MpContactsService {
  constructor(
    private readonly clock: Clock,
    private readonly contacts: MpContactsRepository,
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
    private readonly outbox: OutboxService,
    private readonly plans: ChasePlanService,
    private readonly compose: ComposeService,
    private readonly scheduledEmails: ScheduledEmailsService,
    private readonly audit: AuditService,
  ) {}

  async record(caseId: string, input: CreateMpContactInput, actor: StaffActor): Promise<MpContactDto> {
    const contactedAt = pastInstant(input.date, 'date', this.clock.now());
    const detail = await this.loadCase(caseId);
    const contact = await this.contacts.transaction(async (tx) => {
      await this.outbox.holdCase(tx, detail.id);
      return this.recordIn(tx, detail, { ...input, contactedBy: input.contactedBy ?? 'charity' }, contactedAt, actor);
    });
    return toMpContactDto(contact, true);
  }

  /** `POST /api/cases/:id/mp-email`: an email to the MP's office, queued now, recorded as the contact that starts the plan. */
  async emailMp(
    caseId: string,
    input: ComposeEmailInput,
    actor: StaffActor,
  ): Promise<{ contact: MpContactDto; email: ScheduledEmailDto }> {
    const composed = await this.compose.compose(caseId, 'mp_email', input, actor.user.id);
    const detail = await this.loadCase(caseId);
    const now = this.clock.now();
    const { contact, emailId } = await this.contacts.transaction(async (tx) => {
      await this.outbox.holdCase(tx, detail.id);
      const recorded = await this.recordIn(
        tx,
        detail,
        {
          channel: 'email',
          direction: 'outbound',
          date: now.toISOString(),
          contactedBy: 'charity',
          summary: composed.subject,
        },
        now,
        actor,
      );
      const [email] = await this.compose.schedule(tx, composed, actor.user.id, { mpContactId: recorded.id });
      return { contact: recorded, emailId: email.id };
    });
    return { contact: toMpContactDto(contact, true), email: await this.scheduledEmails.view(emailId, actor.user) };
  }

  /** One audit event names every contact returned (their summaries can carry health details). */
  async list(query: ListQuery<string, MpContactSortField>, reader: StaffActor): Promise<[MpContactDto[], number]> {
    const [rows, total] = await this.contacts.list(query, listFilter(query.filter));
    const redacted = reader.user.role === 'viewer';
    await this.audit.recordRead(reader, {
      action: 'mp_contact.list_read',
      entityType: 'mp_contact',
      ids: rows.map((c) => c.id),
      redacted,
    });
    return [rows.map((c) => toMpContactDto(c, !redacted)), total];
  }

  async get(id: string, reader: StaffActor): Promise<MpContactDto> {
    const contact = UUID.test(id) ? await this.contacts.findById(id) : null;
    if (!contact) throw new NotFoundException('MP contact not found');
    const redacted = reader.user.role === 'viewer';
    await this.audit.recordRead(reader, {
      action: 'mp_contact.read',
      entityType: 'mp_contact',
      id: contact.id,
      redacted,
    });
    return toMpContactDto(contact, !redacted);
  }

  /**
   * Records a contact inside the caller's transaction, which must already hold the case
   * (OutboxService.holdCase); an outbound one moves the case on and starts the chase plan.
   * The emails it schedules are enqueued once the caller's transaction commits.
   */
  async recordIn(
    tx: EntityManager,
    detail: { id: string; status: string; mpId: number | null; supporterId: string; nation: string | null },
    input: CreateMpContactInput & { contactedBy: 'supporter' | 'charity' },
    contactedAt: Date,
    actor: StaffActor,
  ): Promise<MpContactEntity> {
    const contact = await this.contacts.insert(tx, {
      caseId: detail.id,
      mpId: detail.mpId,
      channel: input.channel,
      direction: input.direction,
      contactedBy: input.contactedBy,
      contactedAt,
      summary: input.summary?.trim() || null,
      recordedBy: actor.user.id,
    });
    let chasesScheduled = 0;
    if (input.direction === 'outbound') {
      // Illegal from here (a new or closed case…)? The workflow answers 409 with what is allowed, and nothing is written.
      if (detail.status !== 'awaiting_mp')
        await this.workflow.transition(detail.id, { to: 'awaiting_mp' }, actorOf(actor), tx);
      const plan = await this.plans.start(tx, {
        caseId: detail.id,
        supporterId: detail.supporterId,
        mpContactId: contact.id,
        contactedAt,
        nation: detail.nation,
        createdBy: actor.user.id,
      });
      chasesScheduled = plan.emails.length;
    }
    await this.audit.record(
      {
        actorId: actor.user.id,
        ip: actor.ip,
        action: 'mp_contact.recorded',
        entityType: 'case',
        entityId: detail.id,
        details: {
          mpContactId: contact.id,
          channel: contact.channel,
          direction: contact.direction,
          chasesScheduled,
        },
      },
      tx,
    );
    return contact;
  }

  private async loadCase(caseId: string) {
    if (!UUID.test(caseId)) throw new NotFoundException('Case not found');
    return this.cases.readDetailUnaudited(caseId);
  }
}

function listFilter(filter: Record<string, unknown>): MpContactListFilter {
  return {
    ids: uuidsFilter(filter, 'id'),
    caseIds: uuidsFilter(filter, 'caseId'),
    mpIds: positiveIntegersFilter(filter, 'mpId', 'MP ids'),
    channels: enumFilter(filter, 'channel', MP_CONTACT_CHANNELS),
    directions: enumFilter(filter, 'direction', MP_CONTACT_DIRECTIONS),
  };
}
