import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  actorOf,
  type Actor,
  type CreateMpResponseInput,
  type MpResponseAddressed,
  type MpResponseDateSource,
  type MpResponseDto,
  type MpResponseKind,
  type MpResponseSource,
  type StaffActor,
} from '@campaign-desk/contracts';
import { Clock, UUID } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { CasesService, CaseWorkflowService } from '@campaign-desk/server-cases';
import { ChasePlanService, OutboxService } from '@campaign-desk/server-correspondence';
import { MessagesService } from '@campaign-desk/server-intake';
import type { EntityManager } from 'typeorm';
import { MpContactsRepository } from '../mp-contacts/mp-contacts.repository';
import { pastInstant } from '../shared/dates';
import type { MpResponseEntity } from './mp-response.entity';
import { toMpResponseDto } from './mp-response.mapper';
import { MpResponsesRepository } from './mp-responses.repository';

export interface ResponseToRecord {
  caseId: string;
  kind: MpResponseKind;
  receivedAt: Date;
  summary: string | null;
  messageId: string | null;
  source: MpResponseSource;
  receivedAtSource: MpResponseDateSource;
  addressed?: MpResponseAddressed | null;
  /**
   * The latest instant the answer allows (a supporter's "last week" is any time up to its Sunday): a
   * `receivedAt` before the contact moves up to the contact when this is not, and is refused otherwise.
   */
  latestAt?: Date;
  mpContactId?: string | null;
  /** Moves an awaiting case to `mp_responded` and stops the chase plan (false: an acknowledgement the supporter reported). */
  stopsChasing: boolean;
}

/**
 * An MP's response. Recording one moves a case awaiting the MP to `mp_responded` and cancels the
 * pending chases in the same transaction, which first waits for any chase of the case being sent
 * right now: once the response is committed, no chase goes.
 */
@Injectable()
export class MpResponsesService {
  constructor(
    private readonly clock: Clock,
    private readonly responses: MpResponsesRepository,
    private readonly contacts: MpContactsRepository,
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
    private readonly outbox: OutboxService,
    private readonly plans: ChasePlanService,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
  ) {}

  async record(caseId: string, input: CreateMpResponseInput, actor: StaffActor): Promise<MpResponseDto> {
    if (!UUID.test(caseId)) throw new NotFoundException('Case not found');
    const receivedAt = pastInstant(input.receivedAt, 'receivedAt', this.clock.now());
    await this.cases.readDetailUnaudited(caseId);
    if (input.messageId && !(await this.messages.replyTarget(caseId, input.messageId))) {
      throw new BadRequestException({
        message: 'messageId is not a message on this case',
        fields: { messageId: 'is not a message on this case' },
      });
    }
    const response = await this.responses.transaction(async (tx) => {
      await this.outbox.holdCase(tx, caseId);
      return this.recordIn(
        tx,
        {
          caseId,
          kind: input.kind,
          receivedAt,
          summary: input.summary?.trim() || null,
          messageId: input.messageId ?? null,
          source: 'staff',
          receivedAtSource: 'staff',
          stopsChasing: true,
        },
        actorOf(actor),
      );
    });
    return toMpResponseDto(response, true);
  }

  /** Inside the caller's transaction, which must already hold the case (OutboxService.holdCase). */
  async recordIn(tx: EntityManager, input: ResponseToRecord, actor: Actor): Promise<MpResponseEntity> {
    const contact = input.mpContactId
      ? await this.contacts.findById(input.mpContactId, tx)
      : await this.contacts.latestOutbound(input.caseId, tx);
    let receivedAt = input.receivedAt;
    if (contact && receivedAt < contact.contactedAt && input.latestAt && input.latestAt >= contact.contactedAt)
      receivedAt = contact.contactedAt;
    if (contact && receivedAt.getTime() < contact.contactedAt.getTime()) {
      throw new BadRequestException({
        message: `receivedAt is before the MP was contacted (${contact.contactedAt.toISOString()})`,
        fields: { receivedAt: 'must not be before the MP was contacted' },
      });
    }
    const detail = await this.cases.readDetailUnaudited(input.caseId);
    const response = await this.responses.insert(tx, {
      caseId: input.caseId,
      mpContactId: contact?.id ?? null,
      mpId: contact?.mpId ?? detail.mpId,
      kind: input.kind,
      receivedAt,
      summary: input.summary,
      messageId: input.messageId,
      source: input.source,
      receivedAtSource: input.receivedAtSource,
      addressed: input.addressed ?? null,
      recordedBy: actor.id,
    });
    let cancelled = 0;
    if (input.stopsChasing) {
      if (detail.status === 'awaiting_mp')
        await this.workflow.transition(input.caseId, { to: 'mp_responded' }, actor, tx);
      cancelled = (await this.plans.stop(tx, input.caseId, 'mp_responded', { actorId: actor.id })).emails.length;
    }
    await this.audit.record(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: 'mp_response.recorded',
        entityType: 'case',
        entityId: input.caseId,
        details: {
          mpResponseId: response.id,
          kind: response.kind,
          source: response.source,
          receivedAtSource: response.receivedAtSource,
          chasesCancelled: cancelled,
        },
      },
      tx,
    );
    return response;
  }
}
