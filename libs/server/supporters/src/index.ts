export * from './supporters.module';
export { SupportersService, type Actor } from './supporters.service';
export { SupporterMergeService } from './supporter-merge.service';
export { normaliseEmail, isUkPhone, normaliseUkPhone } from './supporter-fields';
