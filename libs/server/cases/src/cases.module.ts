import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@campaign-desk/server-audit';
import { AuthCoreModule } from '@campaign-desk/server-auth';
import { DirectoryCoreModule } from '@campaign-desk/server-directory';
import { IntakeCoreModule } from '@campaign-desk/server-intake';
import { SupportersCoreModule } from '@campaign-desk/server-supporters';
import { CaseAssignmentController } from './assignment/case-assignment.controller';
import { CaseAssignmentService } from './assignment/case-assignment.service';
import { CaseLookup } from './cases/case-lookup';
import { CaseNumberReferenceResolver } from './cases/case-number-reference.resolver';
import { CasePartiesModule } from './cases/case-parties';
import { CaseEntity } from './cases/case.entity';
import { CaseDataSubjectRepository } from './data-subject/case-data-subject.repository';
import { CaseDataSubjectService } from './data-subject/case-data-subject.service';
import { CasesController } from './cases/cases.controller';
import { CasesRepository } from './cases/cases.repository';
import { CasesService } from './cases/cases.service';
import { SupporterMergeSubscriber } from './cases/supporter-merge.subscriber';
import { CaseAssignmentEntity, CaseStatusChangeEntity } from './history/case-history.entity';
import { CaseHistoryRepository } from './history/case-history.repository';
import { CaseListRepository } from './list/case-list.repository';
import { CaseListService } from './list/case-list.service';
import { CaseSearchRefresher } from './list/case-search-refresher';
import { CaseSearchStaleMarker } from './list/case-search-stale.subscriber';
import { CaseNoteEntity } from './notes/case-note.entity';
import { CaseNotesController } from './notes/case-notes.controller';
import { CaseNotesRepository } from './notes/case-notes.repository';
import { CaseNotesService } from './notes/case-notes.service';
import { CaseSlaPolicy } from './sla/case-sla';
import { CaseTimelineSources } from './timeline/case-timeline-source';
import { CaseTimelineController } from './timeline/case-timeline.controller';
import { CaseTimelineService } from './timeline/case-timeline.service';
import { CORE_TIMELINE_SOURCES } from './timeline/core-timeline-sources';
import { CaseWorkflowController } from './workflow/case-workflow.controller';
import { CaseWorkflowService } from './workflow/case-workflow.service';

const ENTITIES = TypeOrmModule.forFeature([CaseEntity, CaseNoteEntity, CaseStatusChangeEntity, CaseAssignmentEntity]);

/**
 * Services (for the API and for later libs: correspondence, engagement). Libs that add to a case's
 * timeline import this and register a CaseTimelineSource with CaseTimelineSources.
 */
@Module({
  imports: [
    ENTITIES,
    AuditModule,
    AuthCoreModule,
    DirectoryCoreModule,
    SupportersCoreModule,
    IntakeCoreModule,
    CasePartiesModule,
  ],
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
    SupporterMergeSubscriber,
    CaseDataSubjectRepository,
    CaseDataSubjectService,
  ],
  exports: [
    CasePartiesModule,
    CaseDataSubjectService,
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

/**
 * HTTP side: the `cases` resource, its actions, notes and timeline. Express matches routes in the
 * order they are registered, so the assignment controller (`GET cases/assignees`) comes before
 * `GET cases/:id`.
 */
@Module({
  imports: [CasesCoreModule],
  controllers: [
    CaseAssignmentController,
    CasesController,
    CaseWorkflowController,
    CaseNotesController,
    CaseTimelineController,
  ],
  exports: [CasesCoreModule],
})
export class CasesModule {}

/**
 * What intake's worker needs from cases: `[CD-n]` subject references resolved by case number (with
 * the parties allowed to use them), and cases marked for a search rebuild when a reply is threaded
 * into them.
 */
@Module({
  imports: [ENTITIES, DirectoryCoreModule, SupportersCoreModule, CasePartiesModule],
  providers: [CasesRepository, CaseNumberReferenceResolver, CaseSearchStaleMarker],
  exports: [CaseNumberReferenceResolver],
})
export class CasesIntakeModule {}
