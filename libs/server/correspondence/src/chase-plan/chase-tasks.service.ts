import { Injectable, NotFoundException } from '@nestjs/common';
import {
  CHASE_TASK_STATUSES,
  type ChaseTaskDto,
  type SessionUser,
  type ChaseTaskSortField,
} from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { ChasePlanRepository } from './chase-plan.repository';
import { toChaseTaskDto } from './chase-task.mapper';
import { enumFilter, instantFilter, UUID, uuidsFilter } from '@campaign-desk/server-core';

/** The caseworker's telephone tasks (`chase-tasks`): open ones falling due are the call list. */
@Injectable()
export class ChaseTasksService {
  constructor(
    private readonly tasks: ChasePlanRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<string, ChaseTaskSortField>): Promise<[ChaseTaskDto[], number]> {
    const f = query.filter;
    const [rows, total] = await this.tasks.listTasks(query, {
      ids: uuidsFilter(f, 'id'),
      caseIds: uuidsFilter(f, 'caseId'),
      statuses: enumFilter(f, 'status', CHASE_TASK_STATUSES),
      dueTo: instantFilter(f, 'dueAt_lte'),
    });
    return [rows.map(toChaseTaskDto), total];
  }

  async complete(id: string, user: SessionUser): Promise<ChaseTaskDto> {
    const found = UUID.test(id) ? await this.tasks.findTask(id) : null;
    if (!found) throw new NotFoundException('Task not found');
    const task = await this.tasks.transaction(async (tx) => {
      const done = await this.tasks.completeTask(tx, id, user.id);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'chase_task.completed',
          entityType: 'chase_task',
          entityId: id,
          details: { caseId: found.caseId },
        },
        tx,
      );
      return done!;
    });
    return toChaseTaskDto(task);
  }
}
