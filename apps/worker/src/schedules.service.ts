import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { QueueService } from '@campaign-desk/server-core';

/** Repeatable jobs. upsertJobScheduler is idempotent, so every worker may declare them at start. */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  constructor(private readonly queue: QueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule('maintenance.purge-sessions', {}, 15 * 60_000);
  }
}
