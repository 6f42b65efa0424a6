import { Global, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logger.module';
import { QueueModule } from './queue/queue.module';
import { Clock } from './clock/clock';

/** Shared infrastructure every process needs: config, logging, Postgres, the queue producer and the clock. */
@Global()
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule],
  providers: [Clock],
  exports: [ConfigModule, QueueModule, Clock],
})
export class CoreModule {}
