import { Module } from '@nestjs/common';
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
  providers: [
    DirectoryIndexService,
    DirectoryRepository,
    DirectoryService,
    DirectoryImportRepository,
    DirectoryImportService,
    PostcodesIoClient,
  ],
  exports: [DirectoryService, DirectoryImportService],
})
export class DirectoryCoreModule {}

/** HTTP side: lookup, constituencies and MPs. */
@Module({
  imports: [DirectoryCoreModule],
  controllers: [DirectoryController, ConstituenciesController, MpsController],
  exports: [DirectoryCoreModule],
})
export class DirectoryModule {}
