export * from './supporters.module';
export { SupportersService } from './supporters/supporters.service';
export { SupporterMergeService } from './merge/supporter-merge.service';
export { normaliseEmail, isUkPhone, normaliseUkPhone } from './supporters/supporter-fields';
export { SupporterDataSubjectService, type SupporterPersonalData } from './data-subject/supporter-data-subject.service';
export { ConsentHistoryService } from './consents/consent-history.service';
