import { BadRequestException, Injectable } from '@nestjs/common';
import { CHASE_KINDS, type CancelReason, type ChasePlanSettings, type SessionUser } from '@campaign-desk/contracts';
import { AppConfig, Clock, holidayRegionForNation } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import type { EntityManager } from 'typeorm';
import { CHECKIN_KINDS } from '../email-kinds/email-kind-definitions';
import { OutboxService } from '../outbox/outbox.service';
import { ChasePlanRepository } from './chase-plan.repository';
import { planChaseTimes } from './chase-plan-timing';

export interface PlanStart {
  caseId: string;
  supporterId: string | null;
  mpContactId: string;
  contactedAt: Date;
  /** The supporter's nation: whose bank holidays are skipped. */
  nation: string | null;
  createdBy: string | null;
}

/**
 * The chase plan (DESIGN §1.4): after an outbound MP contact, a check-in to the supporter, its
 * reminder, chases to the MP's office and finally a telephone task for the caseworker, on working
 * days in office hours. Written in the contact's transaction; stopped, visibly, when the MP
 * answers, the case closes or goes on hold, or the supporter does.
 */
@Injectable()
export class ChasePlanService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly plans: ChasePlanRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async settings(): Promise<ChasePlanSettings> {
    return (
      (await this.plans.settings()) ?? {
        checkinDays: this.config.CHASE_CHECKIN_DAYS,
        reminderDays: this.config.CHASE_REMINDER_DAYS,
        mpChaseDays: this.config.CHASE_MP_DAYS,
        phoneTaskDays: this.config.CHASE_PHONE_TASK_DAYS,
      }
    );
  }

  async updateSettings(input: ChasePlanSettings, actor: SessionUser): Promise<ChasePlanSettings> {
    const chases = [...new Set(input.mpChaseDays)].sort((a, b) => a - b);
    const last = Math.max(input.checkinDays + input.reminderDays, ...chases);
    if (input.phoneTaskDays <= last) {
      throw new BadRequestException({
        message: 'phoneTaskDays must come after the last chase',
        fields: { phoneTaskDays: `must be more than ${last}` },
      });
    }
    const settings = { ...input, mpChaseDays: chases };
    await this.plans.transaction(async (tx) => {
      await this.plans.saveSettings(tx, settings, actor.id);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'chase_plan.updated',
          entityType: 'chase_plan',
          entityId: '1',
          details: { ...settings },
        },
        tx,
      );
    });
    return settings;
  }

  /** Writes the plan in the caller's transaction (replacing a plan still pending); enqueue the emails after the commit. */
  async start(tx: EntityManager, plan: PlanStart): Promise<{ emails: { id: string; dueAt: Date }[]; taskId: string }> {
    await this.stop(tx, plan.caseId, 'case_moved_on');
    const settings = await this.settings();
    const hours = { startHour: this.config.OFFICE_HOURS_START, endHour: this.config.OFFICE_HOURS_END };
    const times = planChaseTimes(
      plan.contactedAt,
      settings,
      holidayRegionForNation(plan.nation),
      hours,
      this.clock.now(),
    );
    const common = {
      caseId: plan.caseId,
      supporterId: plan.supporterId,
      mpContactId: plan.mpContactId,
      createdBy: plan.createdBy,
    };
    const emails = await this.outbox.schedule(tx, [
      { ...common, kind: 'supporter_checkin', dueAt: times.checkin },
      { ...common, kind: 'checkin_reminder', dueAt: times.reminder },
      ...times.mpChases.map((dueAt) => ({ ...common, kind: 'mp_chase' as const, dueAt })),
    ]);
    const taskId = await this.plans.insertTask(tx, {
      caseId: plan.caseId,
      mpContactId: plan.mpContactId,
      dueAt: times.phoneTask,
    });
    return { emails, taskId };
  }

  /**
   * Cancels the case's pending chase emails (all, or only the supporter's check-ins) and its open
   * telephone task, after any send of the case in flight has finished (see OutboxService).
   */
  async stop(
    tx: EntityManager,
    caseId: string,
    reason: CancelReason,
    options: { checkinsOnly?: boolean; actorId?: string | null } = {},
  ): Promise<{ emails: string[]; tasks: string[] }> {
    const kinds = options.checkinsOnly ? CHECKIN_KINDS : CHASE_KINDS;
    const emails = await this.outbox.cancelForCase(tx, caseId, reason, { kinds, actorId: options.actorId });
    const tasks = options.checkinsOnly ? [] : await this.plans.cancelOpenTasks(tx, caseId, reason);
    return { emails, tasks };
  }
}
