import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthCoreModule } from '@campaign-desk/server-auth';
import { ConsentHistoryRepository } from './consents/consent-history.repository';
import { ConsentHistoryService } from './consents/consent-history.service';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { SupporterDataSubjectService } from './data-subject/supporter-data-subject.service';
import { SupporterMergeController } from './merge/supporter-merge.controller';
import { SupporterMergeService } from './merge/supporter-merge.service';
import { SupporterEntity } from './supporters/supporter.entity';
import { SupportersController } from './supporters/supporters.controller';
import { SupportersRepository } from './supporters/supporters.repository';
import { SupportersService } from './supporters/supporters.service';

/**
 * Services only (worker, CLI, other domains). Domains whose rows point at supporters subscribe to
 * the `supporter.merged` domain event (@OnDomainEvent) to move them when two supporters merge.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SupporterEntity]), AuditModule, AuthCoreModule, DirectoryCoreModule],
  providers: [
    SupportersRepository,
    SupportersService,
    SupporterMergeService,
    SupporterDataSubjectService,
    ConsentHistoryRepository,
    ConsentHistoryService,
  ],
  exports: [SupportersService, SupporterMergeService, SupporterDataSubjectService, ConsentHistoryService],
})
export class SupportersCoreModule {}

/** HTTP side: the `supporters` resource and merge. */
@Module({
  imports: [SupportersCoreModule],
  controllers: [SupportersController, SupporterMergeController],
  exports: [SupportersCoreModule],
})
export class SupportersModule {}
