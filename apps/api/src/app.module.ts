import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApiExceptionFilter, BodyTypeGuard, CoreModule, HealthModule } from '@campaign-desk/server-core';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthModule } from '@campaign-desk/server-auth';
import { DirectoryModule } from '@campaign-desk/server-directory';
import { SupportersModule } from '@campaign-desk/server-supporters';
import { IntakeModule } from '@campaign-desk/server-intake';
import { CasesModule } from '@campaign-desk/server-cases';
import { CorrespondenceModule } from '@campaign-desk/server-correspondence';
import { EngagementModule } from '@campaign-desk/server-engagement';
import { ReportsModule } from '@campaign-desk/server-reports';
import { PrivacyModule } from '@campaign-desk/server-privacy';

/** The HTTP process: wires the domain libs; no logic of its own. */
@Module({
  imports: [
    CoreModule,
    HealthModule,
    AuditModule,
    AuthModule,
    DirectoryModule,
    SupportersModule,
    IntakeModule,
    CasesModule,
    CorrespondenceModule,
    EngagementModule,
    ReportsModule,
    PrivacyModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
    // JSON only on state-changing requests, but for the handlers that declare @AcceptsBody.
    { provide: APP_GUARD, useClass: BodyTypeGuard },
  ],
})
export class AppModule {}
