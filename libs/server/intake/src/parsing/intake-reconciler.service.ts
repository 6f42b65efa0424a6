import { Injectable, Logger } from '@nestjs/common';
import { QueueService } from '@campaign-desk/server-core';
import { RawMessagesRepository } from '../raw-messages/raw-messages.repository';

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
const BATCH = 1000;

/**
 * Redis may forget (DESIGN invariant 3) and a worker may die mid-parse: every stored message
 * still pending with no live parse job gets one again. Runs at worker start and every minute.
 */
@Injectable()
export class IntakeReconcilerService {
  private readonly logger = new Logger(IntakeReconcilerService.name);

  constructor(
    private readonly raw: RawMessagesRepository,
    private readonly queue: QueueService,
  ) {}

  async reconcile(): Promise<{ pending: number; requeued: number }> {
    const ids = await this.raw.findPendingIds(BATCH);
    let requeued = 0;
    for (const id of ids) {
      if (await this.requeueIfLost(id)) requeued++;
    }
    if (requeued) this.logger.log(`re-enqueued ${requeued} of ${ids.length} pending messages`);
    return { pending: ids.length, requeued };
  }

  private async requeueIfLost(id: string): Promise<boolean> {
    const queue = this.queue.queue('intake');
    const job = await queue.getJob(id);
    if (job && LIVE_STATES.has(await job.getState())) return false;
    // A finished job with this id would swallow the new one (same jobId): clear it first.
    if (job) await job.remove().catch(() => undefined);
    await this.queue.add('intake.parse-message', { rawMessageId: id }, { jobId: id });
    return true;
  }
}
