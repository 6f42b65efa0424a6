export { CaseEngagementActions } from './CaseEngagementActions';
export { CaseEngagementPanel } from './CaseEngagementPanel';
