import type { CaseDetail } from '@campaign-desk/contracts';

/** Placeholder until the engagement panels land. */
export const CaseEngagementPanel = (_props: { caseRecord: CaseDetail }) => null;
export const CaseEngagementActions = (_props: { caseRecord: CaseDetail }) => null;
