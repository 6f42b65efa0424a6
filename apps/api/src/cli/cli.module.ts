import { Module } from '@nestjs/common';
import { CoreModule } from '@campaign-desk/server-core';
import { AuthCoreModule } from '@campaign-desk/server-auth';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { CasesCoreModule } from '@campaign-desk/server-cases';
import { EngagementCoreModule } from '@campaign-desk/server-engagement';

/** What the command-line tasks need: the services, no HTTP and no job runner. */
@Module({
  imports: [
    CoreModule,
    AuthCoreModule,
    DirectoryCoreModule,
    SupportersCoreModule,
    IntakeCoreModule,
    CasesCoreModule,
    EngagementCoreModule,
  ],
})
export class CliModule {}
