import type { CaseDetail } from '@campaign-desk/contracts';

export interface CaseSectionProps {
  caseRecord: CaseDetail;
}

export { CaseCorrespondencePanel } from './CaseCorrespondencePanel';
export { CaseCorrespondenceActions } from './CaseCorrespondenceActions';
