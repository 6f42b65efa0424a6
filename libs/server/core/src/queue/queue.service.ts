import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import type IORedis from 'ioredis';
import { JOB_QUEUE, QUEUES, type JobName, type JobPayloads, type QueueName } from '@campaign-desk/contracts';
import { AppConfig } from '../config/app-config';
import { producerConnection } from './redis-connection';

export interface EnqueueOptions {
  /** Deduplicates: BullMQ ignores a second job with the same id while the first exists. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
}

/** The one way to create jobs. Hides BullMQ from the domain libs and types every payload. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {
    this.connection = producerConnection(config.REDIS_URL);
    // Errors surface on the calls that fail; an unhandled 'error' event would crash the process.
    this.connection.on('error', () => undefined);
  }

  async add<K extends JobName>(name: K, payload: JobPayloads[K], options: EnqueueOptions = {}): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, payload, jobOptions(options));
  }

  /** Many jobs of one name in one round trip (the outbox schedules thousands at once). */
  async addBulk<K extends JobName>(
    name: K,
    jobs: { payload: JobPayloads[K]; options?: EnqueueOptions }[],
  ): Promise<void> {
    if (!jobs.length) return;
    await this.queue(JOB_QUEUE[name]).addBulk(
      jobs.map((j) => ({ name, data: j.payload, opts: jobOptions(j.options ?? {}) })),
    );
  }

  /** Creates or updates a repeatable job; safe to call from every worker at start. */
  async schedule<K extends JobName>(name: K, payload: JobPayloads[K], everyMs: number): Promise<void> {
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(name, { every: everyMs }, { name, data: payload });
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.QUEUE_PREFIX });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return QUEUES.map((name) => this.queue(name));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}

function jobOptions(options: EnqueueOptions): JobsOptions {
  return {
    jobId: options.jobId,
    delay: options.delayMs && options.delayMs > 0 ? options.delayMs : undefined,
    attempts: options.attempts ?? 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
