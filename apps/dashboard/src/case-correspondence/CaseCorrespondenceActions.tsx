import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import ReplyIcon from '@mui/icons-material/Reply';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import type { CaseSectionProps } from './CaseCorrespondence';
import { ComposeEmailDialog } from './ComposeEmailDialog';

type OpenDialog = 'reply' | 'mp_email' | null;
const T = 'correspondence.actions';

/**
 * The case page's sending actions: reply to the supporter, email the MP's office. Caseworkers and admins
 * only; the API refuses what the case cannot take (closed, on hold, no consent) and the dialog shows why.
 * Recording MP contacts and responses is engagement (CaseEngagementActions).
 */
export const CaseCorrespondenceActions = ({ caseRecord }: CaseSectionProps) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  const [open, setOpen] = useState<OpenDialog>(null);
  if (permissions !== 'admin' && permissions !== 'caseworker') return null;
  const close = () => setOpen(null);
  const noMp = caseRecord.mpId === null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button size="small" startIcon={<ReplyIcon />} onClick={() => setOpen('reply')}>
        {translate(`${T}.reply`)}
      </Button>
      <Button size="small" startIcon={<ForwardToInboxIcon />} onClick={() => setOpen('mp_email')} disabled={noMp}>
        {translate(`${T}.mpEmail`)}
      </Button>
      {(open === 'reply' || open === 'mp_email') && (
        <ComposeEmailDialog caseRecord={caseRecord} kind={open} onClose={close} />
      )}
    </Stack>
  );
};
