import EditNoteIcon from '@mui/icons-material/EditNote';
import EventIcon from '@mui/icons-material/Event';
import GavelIcon from '@mui/icons-material/Gavel';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import type { CaseDetail } from '@campaign-desk/contracts';
import { LetterDialog } from './LetterDialog';
import { MeetingDialog } from './MeetingDialog';
import { MpActionDialog } from './MpActionDialog';
import { MpContactDialog } from './MpContactDialog';
import { MpResponseDialog } from './MpResponseDialog';
import { canWorkEngagement, useCaseLetter } from './useCaseLetter';

type OpenDialog = 'mp_contact' | 'mp_response' | 'letter' | 'meeting' | 'mp_action' | null;
const T = 'engagement.actions';

/**
 * The case page's engagement actions (caseworkers and admins): record a contact with the MP (an outbound one
 * starts the chase plan) or the MP's response, draft the letter, record a meeting, record an MP action.
 */
export const CaseEngagementActions = ({ caseRecord }: { caseRecord: CaseDetail }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  const [open, setOpen] = useState<OpenDialog>(null);
  const canAct = canWorkEngagement(permissions);
  const letter = useCaseLetter(caseRecord.id);
  if (!canAct) return null;
  const close = () => setOpen(null);
  const noMp = caseRecord.mpId === null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button size="small" startIcon={<HowToRegIcon />} onClick={() => setOpen('mp_contact')} disabled={noMp}>
        {translate(`${T}.mpContact`)}
      </Button>
      <Button size="small" startIcon={<MarkEmailReadIcon />} onClick={() => setOpen('mp_response')} disabled={noMp}>
        {translate(`${T}.mpResponse`)}
      </Button>
      <Button
        size="small"
        startIcon={<EditNoteIcon />}
        onClick={() => setOpen('letter')}
        disabled={noMp || letter.isPending}
      >
        {translate(`${T}.letter`)}
      </Button>
      <Button size="small" startIcon={<EventIcon />} onClick={() => setOpen('meeting')} disabled={noMp}>
        {translate(`${T}.meeting`)}
      </Button>
      <Button size="small" startIcon={<GavelIcon />} onClick={() => setOpen('mp_action')}>
        {translate(`${T}.mpAction`)}
      </Button>
      {open === 'mp_contact' && <MpContactDialog caseRecord={caseRecord} onClose={close} />}
      {open === 'mp_response' && <MpResponseDialog caseRecord={caseRecord} onClose={close} />}
      {open === 'letter' && <LetterDialog caseRecord={caseRecord} latest={letter.data ?? null} onClose={close} />}
      {open === 'meeting' && <MeetingDialog caseRecord={caseRecord} onClose={close} />}
      {open === 'mp_action' && <MpActionDialog caseRecord={caseRecord} onClose={close} />}
    </Stack>
  );
};
