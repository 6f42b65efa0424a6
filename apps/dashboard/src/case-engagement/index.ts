/**
 * What the case page shows of MP engagement (issues 6 and 7): MP contacts and responses, letters, meetings
 * with agreed actions, and MP actions (the server's `libs/server/engagement`). The case page renders both; each receives the case record.
 */
export { CaseEngagementPanel, CaseEngagementActions } from './CaseEngagement';
export { EvidenceLink } from './MpActionsSection';
export { caseEngagementMessages } from './messages';
