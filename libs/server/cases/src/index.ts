export * from './cases.module';
export { CasesService } from './cases/cases.service';
export { CaseListService } from './list/case-list.service';
export { CaseWorkflowService } from './workflow/case-workflow.service';
export { CaseAssignmentService } from './assignment/case-assignment.service';
export { CaseSlaPolicy } from './sla/case-sla';
export { CaseTimelineSources, type CaseTimelineSource, type TimelineReader } from './timeline/case-timeline-source';
export { CaseNumberReferenceResolver } from './cases/case-number-reference.resolver';
export type { CaseReader } from './cases/cases.types';
