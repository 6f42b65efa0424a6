export { TriageInbox } from './TriageInbox';
