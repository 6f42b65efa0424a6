import { Injectable, NotFoundException } from '@nestjs/common';
import {
  MP_ACTION_TYPES,
  type CreateMpActionInput,
  type MpActionDto,
  type MpActionSortField,
  type StaffActor,
} from '@campaign-desk/contracts';
import {
  Clock,
  fieldError,
  type ListQuery,
  londonDate,
  UUID,
  dateFilter,
  enumFilter,
  filterError,
  positiveIntegersFilter,
  uuidsFilter,
} from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { CasesService } from '@campaign-desk/server-cases';
import { DirectoryService } from '@campaign-desk/server-directory';
import { isCalendarDate } from '../meetings/meeting-rules';
import { isEvidenceUrl } from './evidence-url';
import { toMpActionDto } from './mp-action.mapper';
import { MpActionsRepository } from './mp-actions.repository';

/** What the MP did on a case, with its date and evidence. The MP is the case's. */
@Injectable()
export class MpActionsService {
  constructor(
    private readonly clock: Clock,
    private readonly actions: MpActionsRepository,
    private readonly cases: CasesService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateMpActionInput, actor: StaffActor): Promise<MpActionDto> {
    if (!isCalendarDate(input.date)) throw fieldError('date', 'must be a date like 2026-11-23');
    if (input.date > londonDate(this.clock.now())) throw fieldError('date', 'must not be in the future');
    const evidenceUrl = input.evidenceUrl?.trim() || null;
    if (evidenceUrl && !isEvidenceUrl(evidenceUrl)) throw fieldError('evidenceUrl', 'must be an http(s) link');
    const detail = await this.cases.readDetailUnaudited(input.caseId).catch((error: unknown) => {
      if (error instanceof NotFoundException) throw fieldError('caseId', 'is not a case');
      throw error;
    });
    const mpId = input.mpId ?? detail.mpId;
    if (input.mpId)
      await this.directory.getMp(String(input.mpId)).catch(() => Promise.reject(fieldError('mpId', 'is not an MP')));
    const action = await this.actions.transaction(async (tx) => {
      const saved = await this.actions.insert(tx, {
        caseId: detail.id,
        mpId,
        type: input.type,
        actionDate: input.date,
        evidenceUrl,
        summary: input.summary?.trim() || null,
        recordedBy: actor.user.id,
      });
      await this.audit.record(
        {
          actorId: actor.user.id,
          ip: actor.ip,
          action: 'mp_action.recorded',
          entityType: 'case',
          entityId: detail.id,
          details: { mpActionId: saved.id, type: saved.type },
        },
        tx,
      );
      return saved;
    });
    return toMpActionDto(action, true);
  }

  async get(id: string, reader: StaffActor): Promise<MpActionDto> {
    const action = UUID.test(id) ? await this.actions.findById(id) : null;
    if (!action) throw new NotFoundException('MP action not found');
    const redacted = reader.user.role === 'viewer';
    await this.audit.recordRead(reader, { action: 'mp_action.read', entityType: 'mp_action', id: action.id, redacted });
    return toMpActionDto(action, !redacted);
  }

  /** One audit event names every action returned (their summaries can carry health details). */
  async list(query: ListQuery<string, MpActionSortField>, reader: StaffActor): Promise<[MpActionDto[], number]> {
    const filter = query.filter as Record<string, unknown>;
    const dateFrom = dateFilter(filter, 'dateFrom');
    const dateTo = dateFilter(filter, 'dateTo');
    if (dateFrom && dateTo && dateFrom > dateTo) throw filterError('dateFrom', 'must not be after dateTo');
    const [rows, total] = await this.actions.list(query, {
      ids: uuidsFilter(filter, 'id'),
      caseIds: uuidsFilter(filter, 'caseId'),
      mpIds: positiveIntegersFilter(filter, 'mpId', 'MP ids'),
      types: enumFilter(filter, 'type', MP_ACTION_TYPES),
      dateFrom,
      dateTo,
    });
    const redacted = reader.user.role === 'viewer';
    await this.audit.recordRead(reader, {
      action: 'mp_action.list_read',
      entityType: 'mp_action',
      ids: rows.map((a) => a.id),
      redacted,
    });
    return [rows.map((a) => toMpActionDto(a, !redacted)), total];
  }
}
