import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import {
  CHASE_TASK_STATUSES,
  type ChaseTaskDto,
  type ChaseTaskStatus,
  type SessionUser,
  type ChaseTaskSortField,
} from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { ChasePlanRepository } from './chase-plan.repository';
import { toChaseTaskDto } from './chase-task.mapper';
import { UUID } from '@campaign-desk/server-core';

const filterError = (key: string, detail: string) =>
  new BadRequestException({ message: `filter ${key} ${detail}`, fields: { filter: `${key} ${detail}` } });

/** The caseworker's telephone tasks (`chase-tasks`): open ones falling due are the call list. */
@Injectable()
export class ChaseTasksService {
  constructor(
    private readonly tasks: ChasePlanRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<string, ChaseTaskSortField>): Promise<[ChaseTaskDto[], number]> {
    const f = query.filter;
    const uuids = (key: string, v: unknown) => {
      const list = Array.isArray(v) ? v : [v];
      if (!list.every((x) => typeof x === 'string' && UUID.test(x))) throw filterError(key, 'must be uuids');
      return list as string[];
    };
    const statuses = f.status === undefined ? undefined : Array.isArray(f.status) ? f.status : [f.status];
    if (statuses && !statuses.every((s) => CHASE_TASK_STATUSES.includes(s as ChaseTaskStatus)))
      throw filterError('status', `must be one of ${CHASE_TASK_STATUSES.join(', ')}`);
    const dueTo = f.dueAt_lte === undefined ? undefined : new Date(String(f.dueAt_lte));
    if (dueTo && Number.isNaN(dueTo.getTime())) throw filterError('dueAt_lte', 'must be an ISO 8601 date-time');
    const [rows, total] = await this.tasks.listTasks(query, {
      ids: f.id === undefined ? undefined : uuids('id', f.id),
      caseIds: f.caseId === undefined ? undefined : uuids('caseId', f.caseId),
      statuses: statuses as ChaseTaskStatus[] | undefined,
      dueTo,
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
