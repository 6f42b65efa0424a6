/**
 * What the case page shows of correspondence (issue 6): scheduled emails, the chase plan and tasks,
 * and the actions that send (reply to the supporter, email the MP's office).
 * The case page renders both; each receives the case record.
 */
export { CaseCorrespondencePanel, CaseCorrespondenceActions } from './CaseCorrespondence';
