import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthModule } from '@campaign-desk/server-auth';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { CaseAssignmentService } from './assignment/case-assignment.service';
import { CaseLookup } from './cases/case-lookup';
import { CaseNumberReferenceResolver } from './cases/case-number-reference.resolver';
import { CasesSupporterMover } from './cases/supporter-merge.subscriber';
import { CasesService } from './cases/cases.service';
import { CaseAssignmentEntity, CaseStatusChangeEntity } from './history/case-history.entity';
import { CaseNoteEntity } from './notes/case-note.entity';
import { CaseEntity } from './cases/case.entity';
import { CaseNotesController } from './notes/case-notes.controller';
import { CasesController } from './cases/cases.controller';
import { CaseListService } from './list/case-list.service';
import { CaseSearchRefresher, CaseSearchStaleMarker } from './list/case-search-refresher';
import { CaseNotesService } from './notes/case-notes.service';
import { CaseHistoryRepository } from './history/case-history.repository';
import { CaseListRepository } from './list/case-list.repository';
import { CaseNotesRepository } from './notes/case-notes.repository';
import { CasesRepository } from './cases/cases.repository';
import { CaseSlaPolicy } from './sla/case-sla';
import { CaseTimelineSources } from './timeline/case-timeline-source';
import { CaseTimelineService } from './timeline/case-timeline.service';
import { CORE_TIMELINE_SOURCES } from './timeline/core-timeline-sources';
import { CaseWorkflowService } from './workflow/case-workflow.service';

const ENTITIES = TypeOrmModule.forFeature([CaseEntity, CaseNoteEntity, CaseStatusChangeEntity, CaseAssignmentEntity]);

/**
 * Services (for the API and for later libs: correspondence, engagement). Libs that add to a case's
 * timeline import this and register a CaseTimelineSource with CaseTimelineSources.
 */
@Module({
  imports: [ENTITIES, AuditModule, AuthModule, DirectoryCoreModule, SupportersCoreModule, IntakeCoreModule],
  providers: [
    CasesRepository,
    CaseHistoryRepository,
    CaseNotesRepository,
    CaseListRepository,
    CaseLookup,
    CaseSlaPolicy,
    CaseAssignmentService,
    CasesService,
    CaseWorkflowService,
    CaseNotesService,
    CaseListService,
    CaseSearchRefresher,
    CaseTimelineSources,
    CaseTimelineService,
    ...CORE_TIMELINE_SOURCES,
    CasesSupporterMover,
  ],
  exports: [
    CasesService,
    CaseWorkflowService,
    CaseAssignmentService,
    CaseTimelineSources,
    CaseSlaPolicy,
    CaseListService,
    CaseNotesService,
    CaseTimelineService,
  ],
})
export class CasesCoreModule {}

/** HTTP side: the `cases` resource, its actions, notes and timeline. */
@Module({
  imports: [CasesCoreModule],
  controllers: [CasesController, CaseNotesController],
  exports: [CasesCoreModule],
})
export class CasesModule {}

/**
 * What intake's worker needs from cases: `[CD-n]` subject references resolved by case number, and
 * cases marked for a search rebuild when a reply is threaded into them.
 */
@Module({
  imports: [ENTITIES],
  providers: [CasesRepository, CaseNumberReferenceResolver, CaseSearchStaleMarker],
  exports: [CaseNumberReferenceResolver],
})
export class CasesIntakeModule {}
