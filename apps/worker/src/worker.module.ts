import { Module } from '@nestjs/common';
import { CoreModule, JobRunnerModule } from '@campaign-desk/server-core';
import { AuthWorkerModule } from '@campaign-desk/server-auth';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { IntakeWorkerModule } from '@campaign-desk/server-intake';
import { CaseNumberReferenceResolver, CasesIntakeModule } from '@campaign-desk/server-cases';
import { CorrespondenceWorkerModule } from '@campaign-desk/server-correspondence';
import { EngagementCoreModule } from '@campaign-desk/server-engagement';
import { PrivacyCoreModule } from '@campaign-desk/server-privacy';
import { SchedulesService } from './schedules.service';

/** The worker process: job processors from the domain libs, the runner, and the repeatable schedules. */
@Module({
  imports: [
    CoreModule,
    AuthWorkerModule,
    DirectoryCoreModule,
    SupportersCoreModule,
    IntakeWorkerModule.withCaseReferences(CasesIntakeModule, CaseNumberReferenceResolver),
    CorrespondenceWorkerModule,
    EngagementCoreModule,
    PrivacyCoreModule,
    JobRunnerModule,
  ],
  providers: [SchedulesService],
})
export class WorkerModule {}
