import { enumChoices } from '../shared/i18n/enumLabels';

/** Choices for inputs; react-admin translates the names (keys in messages.ts). */
export const statusChoices = enumChoices('caseStatus');
export const priorityChoices = enumChoices('priority');
export const topicChoices = enumChoices('topic');
export const outcomeChoices = enumChoices('caseOutcome');

/** Supporters, constituencies and MPs sort by name (react-admin's default, id, is not a sort field there). */
export const BY_NAME = { field: 'name', order: 'ASC' as const };
