import EditNoteIcon from '@mui/icons-material/EditNote';
import EventIcon from '@mui/icons-material/Event';
import GavelIcon from '@mui/icons-material/Gavel';
import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import type { CaseDetail } from '@campaign-desk/contracts';
import { LetterDialog } from './LetterDialog';
import { MeetingDialog } from './MeetingDialog';
import { MpActionDialog } from './MpActionDialog';
import { canWorkEngagement, useCaseLetter } from './useCaseLetter';

type OpenDialog = 'letter' | 'meeting' | 'mp_action' | null;
const T = 'engagement.actions';

/** The case page's engagement actions (caseworkers and admins): draft the letter, record a meeting, record an MP action. */
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
      {open === 'letter' && <LetterDialog caseRecord={caseRecord} latest={letter.data ?? null} onClose={close} />}
      {open === 'meeting' && <MeetingDialog caseRecord={caseRecord} onClose={close} />}
      {open === 'mp_action' && <MpActionDialog caseRecord={caseRecord} onClose={close} />}
    </Stack>
  );
};
