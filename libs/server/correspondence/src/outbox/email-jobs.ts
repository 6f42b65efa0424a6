import { Injectable, Logger } from '@nestjs/common';
import { Clock, QueueService } from '@campaign-desk/server-core';

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused']);

/**
 * The BullMQ side of the outbox: one `email.send` job per row (jobId = row id), delayed until the
 * row is due. Jobs are derived data: losing one only delays an email until the reconciler (or the
 * job's own not-yet-due check) puts it right.
 */
@Injectable()
export class EmailJobs {
  private readonly logger = new Logger(EmailJobs.name);

  constructor(
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  /** After the rows' transaction committed. Best effort: if Redis is down, the reconciler enqueues them. */
  async enqueue(rows: { id: string; dueAt: Date }[]): Promise<boolean> {
    const now = this.clock.now().getTime();
    try {
      for (let i = 0; i < rows.length; i += 5_000) {
        await this.queue.addBulk(
          'email.send',
          rows.slice(i, i + 5_000).map((r) => ({
            payload: { scheduledEmailId: r.id },
            options: { jobId: r.id, delayMs: r.dueAt.getTime() - now, attempts: 5 },
          })),
        );
      }
      return true;
    } catch (error) {
      this.logger.warn(
        { count: rows.length, err: (error as Error).message },
        'could not enqueue emails; the reconciler will',
      );
      return false;
    }
  }

  /**
   * Makes sure the row has a live job due when it is: a delayed job is moved, a finished one
   * (whose id would swallow a new job) is removed first. An active job is left alone: it re-reads
   * the row and waits again if the row is not due.
   */
  async ensure(id: string, dueAt: Date): Promise<'added' | 'moved' | 'live'> {
    const job = await this.queue.queue('email').getJob(id);
    const delay = Math.max(0, dueAt.getTime() - this.clock.now().getTime());
    if (job) {
      const state = await job.getState();
      if (state === 'delayed') {
        await job.changeDelay(delay).catch(() => undefined);
        return 'moved';
      }
      if (LIVE_STATES.has(state)) return 'live';
      await job.remove().catch(() => undefined);
    }
    await this.queue.add('email.send', { scheduledEmailId: id }, { jobId: id, delayMs: delay, attempts: 5 });
    return 'added';
  }

  /** Which of these rows have no live job (never enqueued, flushed from Redis, or finished). */
  async missing(ids: string[]): Promise<string[]> {
    const queue = this.queue.queue('email');
    const out: string[] = [];
    for (let i = 0; i < ids.length; i += 200) {
      const chunk = ids.slice(i, i + 200);
      const states = await Promise.all(chunk.map((id) => queue.getJobState(id)));
      chunk.forEach((id, n) => {
        if (!LIVE_STATES.has(states[n])) out.push(id);
      });
    }
    return out;
  }
}
