import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DelayedError, UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import { JOB_QUEUE, QUEUES, type JobName, type QueueName } from '@campaign-desk/contracts';
import { AppConfig } from '../config/app-config';
import { JOB_HANDLER } from './job-handler.decorator';
import { buildHandlerMap, type DiscoveredHandler, type JobHandlerFn } from './job-handler-registry';
import { workerConnection } from './redis-connection';

/** Thrown by a handler to fail a job without retries (for example a permanent SMTP 5xx). */
export class PermanentJobError extends UnrecoverableError {}

/**
 * Runs in the worker process only: discovers @JobHandler methods, checks the catalogue,
 * starts one BullMQ worker per queue and drains them on shutdown (active jobs finish).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, JobHandlerFn>();

  constructor(
    private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    this.handlers = buildHandlerMap(this.discover());
    for (const queueName of QUEUES) {
      const worker = new Worker(queueName, (job, token) => this.run(job, token), {
        connection: workerConnection(this.config.REDIS_URL),
        prefix: this.config.QUEUE_PREFIX,
        autorun: true,
        ...this.queueOptions(queueName),
      });
      worker.on('failed', (job, error) =>
        this.logger.warn({ jobId: job?.id, job: job?.name, err: error.message }, 'job failed'),
      );
      worker.on('error', (error) => this.logger.error({ err: error.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`processing ${this.handlers.size} job types on ${QUEUES.length} queues`);
  }

  async onApplicationShutdown(): Promise<void> {
    // close() waits for active jobs to finish, so SIGTERM leaves nothing stalled.
    await Promise.all(this.workers.map((w) => w.close()));
  }

  /**
   * The email queue sends at most SEND_RATE_PER_MINUTE across every worker (BullMQ's limiter is
   * per queue, kept in Redis), in windows as short as keep the rate exact, so it does not burst,
   * with SEND_CONCURRENCY sends at once (each holds a Postgres connection while it runs).
   */
  private queueOptions(queueName: QueueName): Partial<WorkerOptions> {
    if (queueName !== 'email') return { concurrency: this.config.WORKER_CONCURRENCY };
    const rate = this.config.SEND_RATE_PER_MINUTE;
    const windows = gcd(rate, 60);
    return {
      // Each send holds one pooled Postgres connection and needs another now and then: keep two spare.
      concurrency: Math.max(1, Math.min(this.config.SEND_CONCURRENCY, this.config.DATABASE_POOL_SIZE - 2)),
      limiter: { max: rate / windows, duration: 60_000 / windows },
      // A dead worker's send is picked up again within about 20 s (the outbox row says whether it may be resent).
      lockDuration: 15_000,
      stalledInterval: 5_000,
    };
  }

  private async run(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || JOB_QUEUE[job.name as JobName] !== job.queueName) {
      throw new PermanentJobError(`no handler for job "${job.name}" on queue "${job.queueName}"`);
    }
    return handler(job.data, {
      jobId: job.id,
      attemptsMade: job.attemptsMade,
      delayUntil: async (at: Date) => {
        await job.moveToDelayed(at.getTime(), token);
        throw new DelayedError();
      },
    });
  }

  private discover(): DiscoveredHandler[] {
    const found: DiscoveredHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as JobHandlerFn;
        const name = this.reflector.get<string>(JOB_HANDLER, fn);
        if (name) found.push({ name, owner: `${wrapper.name as string}.${method}`, handle: fn.bind(instance) });
      }
    }
    return found;
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
