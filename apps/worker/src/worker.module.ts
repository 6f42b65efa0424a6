import { Module } from '@nestjs/common';
import { CoreModule, JobRunnerModule } from '@campaign-desk/server-core';
import { AuthWorkerModule } from '@campaign-desk/server-auth';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { SchedulesService } from './schedules.service';

/** The worker process: job processors from the domain libs, the runner, and the repeatable schedules. */
@Module({
  imports: [CoreModule, AuthWorkerModule, DirectoryCoreModule, SupportersCoreModule, JobRunnerModule],
  providers: [SchedulesService],
})
export class WorkerModule {}
