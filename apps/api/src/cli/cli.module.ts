import { Module } from '@nestjs/common';
import { CoreModule } from '@campaign-desk/server-core';
import { AuthWorkerModule } from '@campaign-desk/server-auth';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';

/** What the command-line tasks need: the services, no HTTP and no job runner. */
@Module({ imports: [CoreModule, AuthWorkerModule, DirectoryCoreModule, SupportersCoreModule] })
export class CliModule {}
