import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, QueueService } from '@campaign-desk/server-core';

/** Repeatable jobs. upsertJobScheduler is idempotent, so every worker may declare them at start. */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  constructor(
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule('maintenance.purge-sessions', {}, 15 * 60_000);
    await this.queue.schedule('intake.reconcile', {}, 60_000);
    await this.queue.schedule('email.reconcile', {}, 60_000);
    if (this.config.IMAP_URL) await this.queue.schedule('intake.poll-imap', {}, this.config.IMAP_POLL_SECONDS * 1000);
  }
}
