import { Module } from '@nestjs/common';
import { CoreModule } from '@campaign-desk/server-core';
import { AuthWorkerModule } from '@campaign-desk/server-auth';

/** What the command-line tasks need: the services, no HTTP and no job runner. */
@Module({ imports: [CoreModule, AuthWorkerModule] })
export class CliModule {}
