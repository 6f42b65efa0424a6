import { Injectable, OnModuleInit } from '@nestjs/common';
import type {
  ChaseTaskTimelineEntry,
  CheckinAnswerTimelineEntry,
  ScheduledEmailTimelineEntry,
  TimelineEntry,
} from '@campaign-desk/contracts';
import { CaseTimelineSources, type CaseTimelineSource, type TimelineReader } from '@campaign-desk/server-cases';
import { ChasePlanRepository } from '../chase-plan/chase-plan.repository';
import { toChaseTaskDto } from '../chase-plan/chase-task.mapper';
import { CheckinAnswersRepository } from '../checkin/checkin-answers.repository';
import { toScheduledEmailDto } from '../outbox/scheduled-email.mapper';
import { ScheduledEmailsRepository } from '../outbox/scheduled-emails.repository';

/** The timeline's generic entry: our typed entries (exported from contracts for the dashboard) as it stores them. */
const generic = (entries: (ScheduledEmailTimelineEntry | ChaseTaskTimelineEntry | CheckinAnswerTimelineEntry)[]) =>
  entries as unknown as TimelineEntry[];

/** Scheduled emails (replies, check-ins, chases) at their due time, with status and any cancel reason. */
@Injectable()
export class ScheduledEmailsTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'scheduled_email';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly rows: ScheduledEmailsRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number, reader: TimelineReader) {
    const [rows, total] = await this.rows.latestForCase(caseId, limit);
    const entries = rows.map((r): ScheduledEmailTimelineEntry => ({
      id: `scheduled_email:${r.id}`,
      kind: 'scheduled_email',
      at: r.dueAt.toISOString(),
      actorId: r.createdBy,
      data: toScheduledEmailDto(r, reader.readHealthDetails),
    }));
    return { entries: generic(entries), total };
  }
}

/** The caseworker's telephone task at the end of the chase plan. */
@Injectable()
export class ChaseTasksTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'chase_task';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly plans: ChasePlanRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number) {
    const [rows, total] = await this.plans.latestTasksForCase(caseId, limit);
    const entries = rows.map((t): ChaseTaskTimelineEntry => ({
      id: `chase_task:${t.id}`,
      kind: 'chase_task',
      at: t.dueAt.toISOString(),
      actorId: t.completedBy,
      data: toChaseTaskDto(t),
    }));
    return { entries: generic(entries), total };
  }
}

/** The supporter's answers to "Has your MP replied?". */
@Injectable()
export class CheckinAnswersTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'checkin_answer';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly answers: CheckinAnswersRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number) {
    const [rows, total] = await this.answers.latestForCase(caseId, limit);
    const entries = rows.map((a): CheckinAnswerTimelineEntry => ({
      id: `checkin_answer:${a.id}`,
      kind: 'checkin_answer',
      at: a.answeredAt.toISOString(),
      actorId: null,
      data: { scheduledEmailId: a.scheduledEmailId, mpContactId: a.mpContactId, answer: a.answer },
    }));
    return { entries: generic(entries), total };
  }
}

export const CORRESPONDENCE_TIMELINE_SOURCES = [
  ScheduledEmailsTimelineSource,
  ChaseTasksTimelineSource,
  CheckinAnswersTimelineSource,
];
