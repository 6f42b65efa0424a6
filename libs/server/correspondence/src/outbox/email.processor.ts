import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobPayloads } from '@campaign-desk/contracts';
import { JobHandler, type JobContext } from '@campaign-desk/server-core';
import { EmailSender } from './email-sender.service';
import { OutboxReconciler } from './outbox-reconciler.service';

const EVERY_MINUTE = 60_000;

/**
 * Worker side of the outbox. The reconciler runs at start, from the repeatable `email.reconcile`
 * job, and from a timer in the process: the timer does not live in Redis, so it keeps running
 * when Redis forgets everything (FLUSHALL also deletes the job schedulers).
 */
@Injectable()
export class EmailProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailProcessor.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sender: EmailSender,
    private readonly reconciler: OutboxReconciler,
  ) {}

  onApplicationBootstrap(): void {
    this.reconcileQuietly('start-up');
    this.timer = setInterval(() => this.reconcileQuietly('timer'), EVERY_MINUTE);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  @JobHandler('email.send')
  async send(payload: JobPayloads['email.send'], context: JobContext) {
    return { result: await this.sender.send(payload.scheduledEmailId, context) };
  }

  @JobHandler('email.reconcile')
  reconcile() {
    return this.reconciler.reconcile();
  }

  private reconcileQuietly(when: string): void {
    this.reconciler
      .reconcile()
      .catch((error: Error) => this.logger.warn({ err: error.message, when }, 'outbox reconcile failed'));
  }
}
