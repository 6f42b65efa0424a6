import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  MEETING_STATUSES,
  MEETING_TYPES,
  type AgreedActionInput,
  type CaseDetail,
  type CreateMeetingInput,
  type MeetingDto,
  type RecordMeetingHeldInput,
  type SessionUser,
  type UpdateMeetingInput,
  type MeetingSortField,
  type StaffActor,
  type AuditAction,
} from '@campaign-desk/contracts';
import {
  Clock,
  fieldError,
  type ListQuery,
  UUID,
  enumFilter,
  positiveIntegersFilter,
  uuidsFilter,
} from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { CasesService } from '@campaign-desk/server-cases';
import { OutboxService, ScheduledEmailsService } from '@campaign-desk/server-correspondence';
import type { EntityManager } from 'typeorm';
import type { AgreedActionEntity, MeetingEntity } from './meeting.entity';
import { MeetingFollowUps } from './meeting-follow-ups';
import { toMeetingDto } from './meeting.mapper';
import { checkAgreedActions, meetingStatusFor } from './meeting-rules';
import { MeetingsRepository } from './meetings.repository';

const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

/**
 * Meetings and surgeries with the MP. Recording one as held (on creation or afterwards) writes its
 * agreed actions and, in the same transaction, the thank-you to the MP and the action chases.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly clock: Clock,
    private readonly meetings: MeetingsRepository,
    private readonly cases: CasesService,
    private readonly outbox: OutboxService,
    private readonly followUps: MeetingFollowUps,
    private readonly scheduledEmails: ScheduledEmailsService,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateMeetingInput, actor: StaffActor): Promise<MeetingDto> {
    const startsAt = instant(input.startsAt, 'startsAt');
    const status = meetingStatusFor(startsAt, input.status, this.clock.now());
    const actions = input.agreedActions ?? [];
    if (actions.length && status !== 'held') throw fieldError('agreedActions', 'are recorded once the meeting is held');
    checkAgreedActions(actions, startsAt);
    const detail = await this.loadCase(input.caseId);
    const meeting = await this.meetings.transaction(async (tx) => {
      await this.outbox.holdCase(tx, detail.id);
      const created = await this.meetings.insert(tx, {
        caseId: detail.id,
        mpId: detail.mpId,
        type: input.type,
        status,
        startsAt,
        location: text(input.location) ?? null,
        attendees: text(input.attendees) ?? null,
        notes: text(input.notes) ?? null,
        checklist: input.checklist ?? {},
        recordedBy: actor.user.id,
      });
      await this.auditIn(tx, 'meeting.recorded', created, actor, { status, type: created.type });
      if (status !== 'held') return created;
      return this.holdIn(tx, created, actions, detail, actor);
    });
    return this.view(meeting.id, actor.user);
  }

  /** `POST /api/meetings/:id/held`: the outcome, once. */
  async recordHeld(id: string, input: RecordMeetingHeldInput, actor: StaffActor): Promise<MeetingDto> {
    const existing = await this.require(id);
    const detail = await this.cases.readDetailUnaudited(existing.caseId);
    await this.meetings.transaction(async (tx) => {
      await this.outbox.holdCase(tx, detail.id);
      const meeting = await this.meetings.lockById(tx, id);
      if (!meeting) throw new NotFoundException('Meeting not found');
      if (meeting.status === 'cancelled')
        throw new ConflictException({ message: 'The meeting was cancelled: record a new one', status: meeting.status });
      if (meeting.thankYouEmailId)
        throw new ConflictException({
          message: 'The outcome of this meeting is already recorded',
          status: meeting.status,
        });
      if (meeting.startsAt.getTime() > this.clock.now().getTime() + 60_000)
        throw fieldError('startsAt', 'is in the future: the meeting has not happened yet');
      checkAgreedActions(input.agreedActions, meeting.startsAt);
      const notes = text(input.notes);
      const held = await this.meetings.update(tx, id, { status: 'held', ...(notes !== undefined ? { notes } : {}) });
      await this.holdIn(tx, held, input.agreedActions, detail, actor);
    });
    return this.view(id, actor.user);
  }

  async update(id: string, input: UpdateMeetingInput, actor: StaffActor): Promise<MeetingDto> {
    const existing = await this.require(id);
    const startsAt = input.startsAt !== undefined ? instant(input.startsAt, 'startsAt') : existing.startsAt;
    const status = input.status ?? existing.status;
    if (status !== existing.status) {
      if (status === 'held')
        throw fieldError('status', 'becomes held through POST /api/meetings/:id/held, with the agreed actions');
      if (existing.status === 'held') throw fieldError('status', 'cannot change once the meeting is held');
    }
    if (status === 'upcoming') meetingStatusFor(startsAt, 'upcoming', this.clock.now());
    if (status === 'held') meetingStatusFor(startsAt, 'held', this.clock.now());
    await this.meetings.transaction(async (tx) => {
      const updated = await this.meetings.update(tx, id, {
        type: input.type ?? existing.type,
        status,
        startsAt,
        location: text(input.location),
        attendees: text(input.attendees),
        notes: text(input.notes),
        checklist: input.checklist ?? existing.checklist,
      });
      await this.auditIn(tx, 'meeting.updated', updated, actor, {
        status,
        changed: Object.keys(input).filter((k) => UPDATABLE.has(k)),
      });
    });
    return this.view(id, actor.user);
  }

  /** An agreed action is done: its chase, if still pending, is cancelled (after the commit, as staff cancelling it would). */
  async markActionDone(meetingId: string, actionId: string, actor: StaffActor): Promise<MeetingDto> {
    const action = UUID.test(actionId) ? await this.meetings.findAction(actionId) : null;
    if (!action || action.meetingId !== meetingId) throw new NotFoundException('Agreed action not found');
    if (!action.doneAt) {
      await this.meetings.transaction(async (tx) => {
        await this.meetings.markActionDone(tx, action.id, this.clock.now());
        await this.audit.record(
          {
            actorId: actor.user.id,
            ip: actor.ip,
            action: 'agreed_action.done',
            entityType: 'case',
            entityId: action.caseId,
            details: { meetingId, agreedActionId: action.id },
          },
          tx,
        );
      });
      // Already sent or cancelled: nothing left to stop.
      const stopChase = action.chaseEmailId
        ? this.scheduledEmails.cancel(action.chaseEmailId, { user: actor.user, ip: actor.ip })
        : null;
      await stopChase?.catch((error: unknown) => {
        if (!(error instanceof ConflictException)) throw error;
      });
    }
    return this.view(meetingId, actor.user);
  }

  /** `GET /api/meetings/:id`, audited (notes and agreed actions can carry health details). */
  async get(id: string, reader: StaffActor): Promise<MeetingDto> {
    const meeting = await this.view(id, reader.user);
    await this.audit.recordRead(reader, {
      action: 'meeting.read',
      entityType: 'meeting',
      id: meeting.id,
      redacted: reader.user.role === 'viewer',
    });
    return meeting;
  }

  /** The meeting as an action answers it (the action is the audit record). */
  private async view(id: string, user: SessionUser): Promise<MeetingDto> {
    const meeting = await this.require(id);
    return toMeetingDto(meeting, await this.meetings.actionsOf([meeting.id]), user.role !== 'viewer');
  }

  /** One audit event names every meeting returned. */
  async list(query: ListQuery<string, MeetingSortField>, reader: StaffActor): Promise<[MeetingDto[], number]> {
    const user = reader.user;
    const filter = query.filter as Record<string, unknown>;
    const [rows, total] = await this.meetings.list(query, {
      ids: uuidsFilter(filter, 'id'),
      caseIds: uuidsFilter(filter, 'caseId'),
      mpIds: positiveIntegersFilter(filter, 'mpId', 'MP ids'),
      statuses: enumFilter(filter, 'status', MEETING_STATUSES),
      types: enumFilter(filter, 'type', MEETING_TYPES),
    });
    const readContent = user.role !== 'viewer';
    const actions = readContent ? await this.meetings.actionsOf(rows.map((m) => m.id)) : [];
    await this.audit.recordRead(reader, {
      action: 'meeting.list_read',
      entityType: 'meeting',
      ids: rows.map((m) => m.id),
      redacted: !readContent,
    });
    return [
      rows.map((m) =>
        toMeetingDto(
          m,
          actions.filter((a) => a.meetingId === m.id),
          readContent,
        ),
      ),
      total,
    ];
  }

  private async holdIn(
    tx: EntityManager,
    meeting: MeetingEntity,
    inputs: AgreedActionInput[],
    detail: CaseDetail,
    actor: StaffActor,
  ) {
    const actions: AgreedActionEntity[] = await this.meetings.insertActions(
      tx,
      inputs.map((a, position) => ({
        meetingId: meeting.id,
        caseId: meeting.caseId,
        description: a.description.trim(),
        owner: a.owner,
        dueDate: a.dueDate ?? null,
        chase: a.chase ?? !!a.dueDate,
        position,
      })),
    );
    const emails = await this.followUps.schedule(tx, meeting, actions, detail, actor.user.id);
    await this.auditIn(tx, 'meeting.held', meeting, actor, {
      agreedActions: actions.length,
      emailsScheduled: emails.length,
    });
    return meeting;
  }

  private auditIn(
    tx: EntityManager,
    action: AuditAction,
    meeting: MeetingEntity,
    actor: StaffActor,
    details: Record<string, unknown>,
  ) {
    return this.audit.record(
      {
        actorId: actor.user.id,
        ip: actor.ip,
        action,
        entityType: 'case',
        entityId: meeting.caseId,
        details: { meetingId: meeting.id, ...details },
      },
      tx,
    );
  }

  private async require(id: string): Promise<MeetingEntity> {
    const meeting = UUID.test(id) ? await this.meetings.findById(id) : null;
    if (!meeting) throw new NotFoundException('Meeting not found');
    return meeting;
  }

  private async loadCase(caseId: string): Promise<CaseDetail> {
    return this.cases.readDetailUnaudited(caseId).catch((error: unknown) => {
      if (error instanceof NotFoundException) throw fieldError('caseId', 'is not a case');
      throw error;
    });
  }
}

const UPDATABLE = new Set(['type', 'startsAt', 'status', 'location', 'attendees', 'notes', 'checklist']);

function instant(raw: string, field: string): Date {
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw fieldError(field, 'must be an ISO 8601 date-time');
  return at;
}
