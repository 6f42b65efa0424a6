import { Injectable } from '@nestjs/common';
import {
  NATIONS,
  TOPICS,
  type HomeSummary,
  type MpEngagementReport,
  type Nation,
  type SessionUser,
  type TopicsByNationReport,
  type WorkloadReport,
} from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import { addCalendarDays, Clock, londonDate, londonTime } from '@campaign-desk/server-core';
import { mpEngagementCsv, topicsByNationCsv, workloadCsv } from './csv/report-csv';
import { csvOrJson } from '@campaign-desk/server-core';
import { buildEngagementReport } from './engagement/engagement-rows';
import { wilsonInterval } from './engagement/wilson';
import { onlyParams, parseDateRange, parseGroupBy } from './range/report-query';
import { ReportsRepository } from './reports.repository';

/** What a report endpoint answers: the report as JSON, or its CSV export (audited). */
export type ReportOutput<T> = { format: 'json'; body: T } | { format: 'csv'; body: string; filename: string };

export interface ReportRequest {
  query: Record<string, unknown>;
  accept: string | undefined;
  user: SessionUser;
  ip: string;
}

const RESPONSE_RATE_DAYS = 90;
const RESPONSE_WINDOW_DAYS = 28;
const AWAITING_MP_DAYS = 21;

/** Reports for the dashboard and the director: figures from the read models, JSON or CSV. No health details in any of them. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mpEngagement(request: ReportRequest): Promise<ReportOutput<MpEngagementReport>> {
    onlyParams(request.query, ['from', 'to', 'groupBy', 'format']);
    const format = csvOrJson(request.accept, request.query['format']);
    const range = parseDateRange(request.query);
    const groupBy = parseGroupBy(request.query);
    const [counts, days, approximateReplyDates] = await Promise.all([
      this.repo.engagementCounts(range, groupBy),
      this.repo.responseDays(range, groupBy),
      this.repo.approximateReplyDates(londonTime(range.from), londonTime(addCalendarDays(range.to, 1))),
    ]);
    const mpIds = groupBy === 'mp' ? counts.map((c) => Number(c.key)).filter((id) => Number.isInteger(id)) : [];
    const report = {
      ...buildEngagementReport(range, groupBy, counts, days, await this.repo.mpNames(mpIds)),
      approximateReplyDates,
    };
    if (format === 'json') return { format, body: report };
    await this.exported(request, 'mp-engagement', {
      from: range.from,
      to: range.to,
      groupBy,
      rows: report.rows.length,
    });
    return {
      format,
      body: mpEngagementCsv(report),
      filename: `mp-engagement-by-${groupBy}-${range.from}-to-${range.to}.csv`,
    };
  }

  async workload(request: ReportRequest): Promise<ReportOutput<WorkloadReport>> {
    onlyParams(request.query, ['format']);
    const format = csvOrJson(request.accept, request.query['format']);
    const now = this.clock.now();
    const rows = (await this.repo.workload(now, londonTime(`${londonDate(now).slice(0, 8)}01`))).map((r) => ({
      assigneeId: r.assignee_id,
      name: r.name ?? 'Unassigned',
      open: r.open,
      overdue: r.overdue,
      closedThisMonth: r.closed_this_month,
    }));
    const sum = (field: 'open' | 'overdue' | 'closedThisMonth') => rows.reduce((total, r) => total + r[field], 0);
    const report: WorkloadReport = {
      rows,
      total: { open: sum('open'), overdue: sum('overdue'), closedThisMonth: sum('closedThisMonth') },
    };
    if (format === 'json') return { format, body: report };
    await this.exported(request, 'workload', { rows: rows.length });
    return { format, body: workloadCsv(report), filename: `workload-${londonDate(now)}.csv` };
  }

  async topicsByNation(request: ReportRequest): Promise<ReportOutput<TopicsByNationReport>> {
    onlyParams(request.query, ['from', 'to', 'format']);
    const format = csvOrJson(request.accept, request.query['format']);
    const range = parseDateRange(request.query);
    const counts = await this.repo.topicsByNation(range);
    const rows = TOPICS.map((topic) => {
      const mine = counts.filter((c) => c.topic === topic);
      const byNation = Object.fromEntries(
        NATIONS.map((n) => [n, mine.find((c) => c.nation === n)?.cases ?? 0]),
      ) as Record<Nation, number>;
      const unknownNation = mine
        .filter((c) => !(NATIONS as readonly string[]).includes(c.nation))
        .reduce((s, c) => s + c.cases, 0);
      return { topic, byNation, unknownNation, total: mine.reduce((s, c) => s + c.cases, 0) };
    });
    const report: TopicsByNationReport = { from: range.from, to: range.to, rows };
    if (format === 'json') return { format, body: report };
    await this.exported(request, 'topics-by-nation', { from: range.from, to: range.to });
    return { format, body: topicsByNationCsv(report), filename: `topics-by-nation-${range.from}-to-${range.to}.csv` };
  }

  async summary(request: ReportRequest): Promise<HomeSummary> {
    onlyParams(request.query, []);
    const now = this.clock.now();
    const today = londonDate(now);
    // The week ends on Sunday: the next Monday's London midnight.
    const daysToMonday = 8 - (new Date(`${today}T12:00:00Z`).getUTCDay() || 7);
    const matured = addCalendarDays(today, -RESPONSE_WINDOW_DAYS);
    const counts = await this.repo.summary({
      now,
      todayStart: londonTime(today),
      weekEnd: londonTime(addCalendarDays(today, daysToMonday)),
      awaitingSince: new Date(now.getTime() - AWAITING_MP_DAYS * 86_400_000),
      contactsFrom: addCalendarDays(matured, -(RESPONSE_RATE_DAYS - 1)),
      contactsTo: matured,
    });
    const { rate, low, high } = wilsonInterval(counts.responses, counts.contacts);
    return {
      newRequestsToday: counts.new_today,
      unassigned: counts.unassigned,
      overdue: counts.overdue,
      awaitingMpOver21Days: counts.awaiting_mp,
      chasesDueThisWeek: counts.chases_due,
      responseRateLast90Days: { rate, low, high, contacts: counts.contacts },
    };
  }

  /** Every export is audited (DESIGN invariant 7): who, which report, which range; no figures or names. */
  private exported(request: ReportRequest, report: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({
      actorId: request.user.id,
      action: 'report.exported',
      entityType: 'report',
      entityId: report,
      ip: request.ip,
      details: { format: 'csv', ...details },
    });
  }
}
