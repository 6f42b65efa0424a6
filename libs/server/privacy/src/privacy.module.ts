import { Module } from '@nestjs/common';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthCoreModule } from '@campaign-desk/server-auth';
import { CasesCoreModule } from '@campaign-desk/server-cases';
import { CorrespondenceCoreModule } from '@campaign-desk/server-correspondence';
import { EngagementCoreModule } from '@campaign-desk/server-engagement';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { ErasureController } from './erasure/erasure.controller';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureService } from './erasure/erasure.service';
import { SubjectAccessExportController } from './subject-access/subject-access-export.controller';
import { SubjectAccessExportService } from './subject-access/subject-access-export.service';
import { SubjectAccessController } from './subject-access/subject-access.controller';
import { SubjectAccessRepository } from './subject-access/subject-access.repository';
import { SubjectAccessService } from './subject-access/subject-access.service';

/**
 * Data protection (DESIGN §10.5): erasure and subject access. It sits above supporters, intake, cases,
 * correspondence and engagement and calls their `*DataSubjectService`s, never their tables.
 */
@Module({
  imports: [
    AuditModule,
    AuthCoreModule,
    SupportersCoreModule,
    IntakeCoreModule,
    CasesCoreModule,
    CorrespondenceCoreModule,
    EngagementCoreModule,
  ],
  providers: [
    ErasureRepository,
    ErasureService,
    SubjectAccessRepository,
    SubjectAccessService,
    SubjectAccessExportService,
  ],
  exports: [ErasureService, SubjectAccessService, SubjectAccessExportService],
})
export class PrivacyCoreModule {}

/** HTTP side: erasure, the `subject-access-requests` resource and the export. */
@Module({
  imports: [PrivacyCoreModule],
  controllers: [ErasureController, SubjectAccessController, SubjectAccessExportController],
  exports: [PrivacyCoreModule],
})
export class PrivacyModule {}
