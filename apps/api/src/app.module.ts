import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApiExceptionFilter, CoreModule, HealthModule } from '@campaign-desk/server-core';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthModule } from '@campaign-desk/server-auth';

/** The HTTP process: wires the domain libs; no logic of its own. */
@Module({
  imports: [CoreModule, HealthModule, AuditModule, AuthModule],
  providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
})
export class AppModule {}
