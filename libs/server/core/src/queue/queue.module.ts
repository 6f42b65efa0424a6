import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueService } from './queue.service';
import { JobRunner } from './job-runner.service';

/** Producers: every process that enqueues imports this. */
@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {}

/** Consumers: only the worker app imports this. */
@Module({ imports: [DiscoveryModule], providers: [JobRunner] })
export class JobRunnerModule {}
