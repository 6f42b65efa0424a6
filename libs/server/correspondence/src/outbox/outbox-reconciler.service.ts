import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@campaign-desk/server-core';
import { EmailJobs } from './email-jobs';
import { ScheduledEmailsRepository } from './scheduled-emails.repository';

/** Rows due within this window must have a live job; later ones are checked when they come into it. */
const HORIZON_MS = 10 * 60_000;
const PAGE = 5_000;

export interface ReconcileReport {
  settled: { rescheduled: number; unknown: number };
  checked: number;
  requeued: number;
}

/**
 * Postgres is the truth; Redis may forget (DESIGN invariant 3). At worker start and every minute:
 *  - a `sending` row nobody holds (its worker died) is settled: back to `scheduled` if the
 *    delivery marker was never committed (provably unsent), otherwise `unknown` for a person;
 *  - every `scheduled` row due within the horizon gets a job if it has none.
 * Safe to run in several workers at once: settling is a conditional UPDATE under the row's lock,
 * and enqueueing uses the row id as the job id.
 */
@Injectable()
export class OutboxReconciler {
  private readonly logger = new Logger(OutboxReconciler.name);
  private running: Promise<ReconcileReport> | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly rows: ScheduledEmailsRepository,
    private readonly jobs: EmailJobs,
  ) {}

  /** One run at a time per process; a call during a run waits for it. */
  reconcile(): Promise<ReconcileReport> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<ReconcileReport> {
    const report: ReconcileReport = { settled: { rescheduled: 0, unknown: 0 }, checked: 0, requeued: 0 };
    for (const id of await this.rows.orphanedSending(1_000)) {
      const status = await this.rows.settleOrphan(id);
      if (status === 'scheduled') report.settled.rescheduled++;
      if (status === 'unknown') report.settled.unknown++;
    }
    const horizon = new Date(this.clock.now().getTime() + HORIZON_MS);
    let after: { dueAt: Date; id: string } | undefined;
    for (;;) {
      const page = await this.rows.scheduledBefore(horizon, PAGE, after);
      if (!page.length) break;
      report.checked += page.length;
      const dueById = new Map(page.map((r) => [r.id, r.dueAt]));
      const missing = await this.jobs.missing(page.map((r) => r.id));
      for (const id of missing) await this.jobs.ensure(id, dueById.get(id)!);
      report.requeued += missing.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1];
    }
    if (report.requeued || report.settled.rescheduled || report.settled.unknown) {
      this.logger.log(report, 'outbox reconciled');
    }
    return report;
  }
}
