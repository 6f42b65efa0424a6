/**
 * What the case page shows of MP engagement (issue 7): letters, MP responses, meetings with agreed
 * actions, and MP actions. The case page renders both; each receives the case record.
 */
export { CaseEngagementPanel, CaseEngagementActions } from './CaseEngagement';
export { EvidenceLink } from './MpActionsSection';
export { formatDay } from './formatDay';
export { caseEngagementMessages } from './messages';
export { CaseReferenceField, MpNameField, mpAndCaseFilters, openCaseOfRow } from './caseListParts';
