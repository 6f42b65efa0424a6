import { Module } from '@nestjs/common';
import { AuditModule } from '@campaign-desk/server-audit';
import { MpAddressStatusController } from './address-status/mp-address-status.controller';
import { MpAddressStatusRepository } from './address-status/mp-address-status.repository';
import { MpAddressStatusService } from './address-status/mp-address-status.service';
import { DirectoryIndexService } from './directory-index.service';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { ConstituenciesController } from './http/constituencies.controller';
import { DirectoryController } from './http/directory.controller';
import { MpsController } from './http/mps.controller';
import { DirectoryImportRepository } from './import/directory-import.repository';
import { DirectoryImportService } from './import/directory-import.service';
import { PostcodesIoClient } from './postcode/postcodes-io.client';

/**
 * Services only (worker, CLI, and other domains): the lookup index, directory reads and the import.
 * Import it once per process; DirectoryModule re-exports it, so the index is never built twice.
 */
@Module({
  imports: [AuditModule],
  providers: [
    MpAddressStatusRepository,
    MpAddressStatusService,
    DirectoryIndexService,
    DirectoryRepository,
    DirectoryService,
    DirectoryImportRepository,
    DirectoryImportService,
    PostcodesIoClient,
  ],
  exports: [DirectoryService, DirectoryImportService, MpAddressStatusService],
})
export class DirectoryCoreModule {}

/** HTTP side: lookup, constituencies and MPs (and clearing an MP's failing address). */
@Module({
  imports: [DirectoryCoreModule],
  controllers: [DirectoryController, ConstituenciesController, MpsController, MpAddressStatusController],
  exports: [DirectoryCoreModule],
})
export class DirectoryModule {}
