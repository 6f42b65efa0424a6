import type { CaseDetail } from '@campaign-desk/contracts';

export interface CaseSectionProps {
  caseRecord: CaseDetail;
}

/** Placeholder until the correspondence panels land. */
export const CaseCorrespondencePanel = (_props: CaseSectionProps) => null;
export const CaseCorrespondenceActions = (_props: CaseSectionProps) => null;
