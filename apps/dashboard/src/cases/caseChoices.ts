import { CASE_OUTCOMES, CASE_STATUSES, PRIORITIES, TOPICS } from '@campaign-desk/contracts';

/** Choices for inputs; react-admin translates the names (keys in messages.ts). */
export const statusChoices = CASE_STATUSES.map((id) => ({ id, name: `resources.cases.status.${id}` }));
export const priorityChoices = PRIORITIES.map((id) => ({ id, name: `resources.cases.priority.${id}` }));
export const topicChoices = TOPICS.map((id) => ({ id, name: `resources.cases.topic.${id}` }));
export const outcomeChoices = CASE_OUTCOMES.map((id) => ({ id, name: `resources.cases.outcome.${id}` }));

/** Supporters, constituencies and MPs sort by name (react-admin's default, id, is not a sort field there). */
export const BY_NAME = { field: 'name', order: 'ASC' as const };
