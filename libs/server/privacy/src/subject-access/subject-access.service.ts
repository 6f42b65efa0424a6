import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  Actor,
  SubjectAccessFilterField,
  SubjectAccessRequestDto,
  SubjectAccessSortField,
} from '@campaign-desk/contracts';
import { SUBJECT_ACCESS_STATUSES } from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import { Clock, enumFilter, fieldError, type ListQuery, UUID, uuidsFilter } from '@campaign-desk/server-core';
import { SupporterDataSubjectService } from '@campaign-desk/server-supporters';
import type { CreateSubjectAccessRequestDto, UpdateSubjectAccessRequestDto } from './subject-access.dto';
import { oneCalendarMonthAfter } from './due-date';
import {
  SubjectAccessRepository,
  type SubjectAccessListFilter,
  type SubjectAccessValues,
} from './subject-access.repository';

/** The subject access requests tracker (admins): received, due one calendar month later, status, who handles it. */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly repo: SubjectAccessRepository,
    private readonly supporters: SupporterDataSubjectService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(query: ListQuery<SubjectAccessFilterField, SubjectAccessSortField>) {
    return this.repo.list(listFilter(query.filter), query);
  }

  async get(id: string): Promise<SubjectAccessRequestDto> {
    const found = UUID.test(id) ? await this.repo.findById(id) : null;
    if (!found) throw new NotFoundException('Subject access request not found');
    return found;
  }

  async create(input: CreateSubjectAccessRequestDto, actor: Actor): Promise<SubjectAccessRequestDto> {
    await this.supporters.personalDataUnaudited(input.supporterId).catch(() => {
      throw fieldError('supporterId', 'is not a known supporter');
    });
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : this.clock.now();
    const values: SubjectAccessValues = {
      supporterId: input.supporterId,
      receivedAt,
      dueAt: oneCalendarMonthAfter(receivedAt),
      status: input.status ?? 'received',
      handledById: input.handledById ?? null,
      notes: input.notes?.trim() || null,
    };
    const id = await this.repo.transaction(async (tx) => {
      const id = await this.repo.insert(tx, values);
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'subject_access_request.created',
          entityType: 'subject_access_request',
          entityId: id,
          details: { supporterId: values.supporterId, status: values.status },
        },
        tx,
      );
      return id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateSubjectAccessRequestDto, actor: Actor): Promise<SubjectAccessRequestDto> {
    const current = await this.get(id);
    const changes: Partial<SubjectAccessValues> = {};
    if (input.receivedAt !== undefined && new Date(input.receivedAt).toISOString() !== current.receivedAt) {
      changes.receivedAt = new Date(input.receivedAt);
      changes.dueAt = oneCalendarMonthAfter(changes.receivedAt);
    }
    if (input.status !== undefined && input.status !== current.status) changes.status = input.status;
    if (input.handledById !== undefined && input.handledById !== current.handledById)
      changes.handledById = input.handledById;
    const notes = input.notes === undefined ? undefined : input.notes?.trim() || null;
    if (notes !== undefined && notes !== current.notes) changes.notes = notes;
    if (!Object.keys(changes).length) return current;
    await this.repo.transaction(async (tx) => {
      await this.repo.update(tx, id, changes);
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'subject_access_request.updated',
          entityType: 'subject_access_request',
          entityId: id,
          details: { fields: Object.keys(changes), ...(changes.status ? { status: changes.status } : {}) },
        },
        tx,
      );
    });
    return this.get(id);
  }
}

function listFilter(
  filter: ListQuery<SubjectAccessFilterField, SubjectAccessSortField>['filter'],
): SubjectAccessListFilter {
  return {
    ids: uuidsFilter(filter, 'id'),
    supporterIds: uuidsFilter(filter, 'supporterId'),
    statuses: enumFilter(filter, 'status', SUBJECT_ACCESS_STATUSES),
  };
}
