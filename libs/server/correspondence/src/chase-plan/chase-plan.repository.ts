import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CancelReason,
  ChasePlanSettings,
  ChaseTaskKind,
  ChaseTaskStatus,
  ChaseTaskSortField,
} from '@campaign-desk/contracts';
import type { ListQuery } from '@campaign-desk/server-core';
import { returnedIds } from '../outbox/scheduled-emails.repository';
import { ChaseTaskEntity } from './chase-task.entity';

/** The admins' chase plan (one row) and the telephone tasks it creates. */
@Injectable()
export class ChasePlanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  async settings(): Promise<ChasePlanSettings | null> {
    const [row]: { checkin_days: number; reminder_days: number; mp_chase_days: number[]; phone_task_days: number }[] =
      await this.dataSource.query(
        `SELECT checkin_days, reminder_days, mp_chase_days, phone_task_days FROM chase_plan_settings WHERE id = 1`,
      );
    return row
      ? {
          checkinDays: row.checkin_days,
          reminderDays: row.reminder_days,
          mpChaseDays: row.mp_chase_days,
          phoneTaskDays: row.phone_task_days,
        }
      : null;
  }

  async saveSettings(tx: EntityManager, s: ChasePlanSettings, actorId: string): Promise<void> {
    await tx.query(
      `INSERT INTO chase_plan_settings (id, checkin_days, reminder_days, mp_chase_days, phone_task_days, updated_by, updated_at)
       VALUES (1, $1, $2, $3, $4, $5, now())
       ON CONFLICT (id) DO UPDATE SET checkin_days = $1, reminder_days = $2, mp_chase_days = $3, phone_task_days = $4, updated_by = $5, updated_at = now()`,
      [s.checkinDays, s.reminderDays, s.mpChaseDays, s.phoneTaskDays, actorId],
    );
  }

  async insertTask(
    tx: EntityManager,
    values: { caseId: string; mpContactId: string | null; dueAt: Date; kind?: ChaseTaskKind },
  ): Promise<string> {
    const result = await tx.insert(ChaseTaskEntity, { kind: 'phone_mp_office', ...values, status: 'open' });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** The plan's open telephone tasks (a task to check the MP's address outlives the plan). */
  async cancelOpenTasks(tx: EntityManager, caseId: string, reason: CancelReason): Promise<string[]> {
    const result: unknown = await tx.query(
      `UPDATE chase_tasks SET status = 'cancelled', cancel_reason = $2, cancelled_at = now()
       WHERE case_id = $1 AND status = 'open' AND kind = 'phone_mp_office' RETURNING id`,
      [caseId, reason],
    );
    return returnedIds(result);
  }

  async completeTask(tx: EntityManager, id: string, actorId: string): Promise<ChaseTaskEntity | null> {
    await tx.query(
      `UPDATE chase_tasks SET status = 'done', completed_at = now(), completed_by = $2 WHERE id = $1 AND status = 'open'`,
      [id, actorId],
    );
    return tx.findOneBy(ChaseTaskEntity, { id });
  }

  findTask(id: string): Promise<ChaseTaskEntity | null> {
    return this.dataSource.manager.findOneBy(ChaseTaskEntity, { id });
  }

  async listTasks(
    query: ListQuery<string, ChaseTaskSortField>,
    filter: { caseIds?: string[]; statuses?: ChaseTaskStatus[]; dueTo?: Date; ids?: string[] },
  ): Promise<[ChaseTaskEntity[], number]> {
    const qb = this.dataSource.manager.getRepository(ChaseTaskEntity).createQueryBuilder('t');
    if (filter.ids) qb.andWhere('t.id IN (:...ids)', { ids: filter.ids });
    if (filter.caseIds) qb.andWhere('t.caseId IN (:...caseIds)', { caseIds: filter.caseIds });
    if (filter.statuses) qb.andWhere('t.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.dueTo) qb.andWhere('t.dueAt <= :dueTo', { dueTo: filter.dueTo });
    qb.orderBy(`t.${query.sort.field}`, query.sort.order).addOrderBy('t.id', query.sort.order);
    return qb.skip(query.offset).take(query.limit).getManyAndCount();
  }

  latestTasksForCase(caseId: string, limit: number): Promise<[ChaseTaskEntity[], number]> {
    return this.dataSource.manager.findAndCount(ChaseTaskEntity, {
      where: { caseId },
      order: { dueAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }
}
