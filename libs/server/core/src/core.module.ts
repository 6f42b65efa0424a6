import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logger.module';
import { QueueModule } from './queue/queue.module';
import { Clock } from './clock/clock';
import { DomainEvents } from './events/domain-events';

/** Shared infrastructure every process needs: config, logging, Postgres, the queue producer, domain events and the clock. */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, DiscoveryModule],
  providers: [Clock, DomainEvents],
  exports: [ConfigModule, QueueModule, Clock, DomainEvents],
})
export class CoreModule {}
