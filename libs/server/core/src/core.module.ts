import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logger.module';
import { QueueModule } from './queue/queue.module';
import { Clock } from './clock/clock';
import { DomainEvents } from './events/domain-events';
import { InstallSettings } from './install/install-settings.service';
import { InstallSettingsRepository } from './install/install-settings.repository';

/** Shared infrastructure every process needs: config, logging, Postgres, the queue producer, domain events, the clock and the install settings. */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, DiscoveryModule],
  providers: [Clock, DomainEvents, InstallSettingsRepository, InstallSettings],
  exports: [ConfigModule, QueueModule, Clock, DomainEvents, InstallSettings],
})
export class CoreModule {}
