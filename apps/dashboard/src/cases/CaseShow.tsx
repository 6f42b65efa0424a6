import { Box, Divider } from '@mui/material';
import { Show, useRecordContext } from 'react-admin';
import type { CaseDetail } from '@campaign-desk/contracts';
import { CaseCorrespondencePanel, CaseCorrespondenceActions } from '../case-correspondence';
import { CaseEngagementPanel, CaseEngagementActions } from '../case-engagement';
import { CaseActions } from './CaseActions';
import { CaseHeader } from './CaseHeader';
import { useCanWorkCases } from './roles';
import { AddNote } from './timeline/AddNote';
import { CaseTimeline } from './timeline/CaseTimeline';

const ShowActions = () => {
  const record = useRecordContext<CaseDetail>();
  return (
    <CaseActions record={record}>
      {record && <CaseCorrespondenceActions caseRecord={record} />}
      {record && <CaseEngagementActions caseRecord={record} />}
    </CaseActions>
  );
};

/** Header, what correspondence and engagement show, then the timeline (notes added at its top). */
const CasePage = () => {
  const record = useRecordContext<CaseDetail>();
  const canWork = useCanWorkCases();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <CaseHeader />
      <CaseCorrespondencePanel caseRecord={record} />
      <CaseEngagementPanel caseRecord={record} />
      <Divider sx={{ my: 2 }} />
      {canWork && <AddNote caseId={record.id} />}
      <CaseTimeline
        caseId={record.id}
        knownNames={record.assigneeId && record.assigneeName ? { [record.assigneeId]: record.assigneeName } : {}}
      />
    </Box>
  );
};

/** `/cases/:id/show`: the case page. Reading it is audited; viewers get the redacted record. */
export const CaseShow = () => (
  <Show actions={<ShowActions />}>
    <CasePage />
  </Show>
);
