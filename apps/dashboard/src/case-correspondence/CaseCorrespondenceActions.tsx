import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import ReplyIcon from '@mui/icons-material/Reply';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import type { CaseSectionProps } from './CaseCorrespondence';
import { ComposeEmailDialog } from './ComposeEmailDialog';
import { MpContactDialog } from './MpContactDialog';
import { MpResponseDialog } from './MpResponseDialog';

type OpenDialog = 'reply' | 'mp_email' | 'mp_contact' | 'mp_response' | null;
const T = 'correspondence.actions';

/**
 * The case page's sending actions: reply to the supporter, record a contact with the MP (starts the
 * chase plan), email the MP's office, record the MP's response. Caseworkers and admins only; the API
 * refuses what the case cannot take (closed, on hold, no consent) and the dialog shows why.
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
      <Button size="small" startIcon={<HowToRegIcon />} onClick={() => setOpen('mp_contact')} disabled={noMp}>
        {translate(`${T}.mpContact`)}
      </Button>
      <Button size="small" startIcon={<ForwardToInboxIcon />} onClick={() => setOpen('mp_email')} disabled={noMp}>
        {translate(`${T}.mpEmail`)}
      </Button>
      <Button size="small" startIcon={<MarkEmailReadIcon />} onClick={() => setOpen('mp_response')} disabled={noMp}>
        {translate(`${T}.mpResponse`)}
      </Button>
      {(open === 'reply' || open === 'mp_email') && (
        <ComposeEmailDialog caseRecord={caseRecord} kind={open} onClose={close} />
      )}
      {open === 'mp_contact' && <MpContactDialog caseRecord={caseRecord} onClose={close} />}
      {open === 'mp_response' && <MpResponseDialog caseRecord={caseRecord} onClose={close} />}
    </Stack>
  );
};
