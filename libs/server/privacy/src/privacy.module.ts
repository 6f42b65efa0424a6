import { Module } from '@nestjs/common';
import { AuditModule } from '@campaign-desk/server-audit';
import { CasesCoreModule } from '@campaign-desk/server-cases';
import { CorrespondenceCoreModule } from '@campaign-desk/server-correspondence';
import { EngagementCoreModule } from '@campaign-desk/server-engagement';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { ErasureController } from './erasure/erasure.controller';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureService } from './erasure/erasure.service';

/**
 * Data protection (DESIGN §10.5): erasure and subject access. It sits above supporters, intake, cases,
 * correspondence and engagement and calls their `*DataSubjectService`s, never their tables.
 */
@Module({
  imports: [
    AuditModule,
    SupportersCoreModule,
    IntakeCoreModule,
    CasesCoreModule,
    CorrespondenceCoreModule,
    EngagementCoreModule,
  ],
  providers: [ErasureRepository, ErasureService],
  exports: [ErasureService],
})
export class PrivacyCoreModule {}

/** HTTP side: `POST /api/supporters/:id/erasure`. */
@Module({
  imports: [PrivacyCoreModule],
  controllers: [ErasureController],
  exports: [PrivacyCoreModule],
})
export class PrivacyModule {}
