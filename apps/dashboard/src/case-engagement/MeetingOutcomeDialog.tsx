import { TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { AgreedActionInput, MeetingDto } from '@campaign-desk/contracts';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { formatLondonDateTime } from '../shared/time';
import { AgreedActionsEditor, emptyAgreedAction } from './AgreedActionsEditor';
import { agreedActionsPayload, recordMeetingHeld } from './engagementApi';

const T = 'engagement.outcome';

/** After the meeting: notes and the agreed actions; the thank-you to the MP is drafted for the next working day. */
export const MeetingOutcomeDialog = ({ meeting, onClose }: { meeting: MeetingDto; onClose: () => void }) => {
  const translate = useTranslate();
  const [notes, setNotes] = useState(meeting.notes ?? '');
  const [actions, setActions] = useState<AgreedActionInput[]>([emptyAgreedAction()]);
  const submit = () =>
    recordMeetingHeld(meeting.id, { notes: notes.trim() || null, agreedActions: agreedActionsPayload(actions) });
  return (
    <CaseActionDialog
      id="meeting-outcome"
      title={translate(`${T}.title`, { when: formatLondonDateTime(meeting.startsAt) })}
      submitLabel={translate(`${T}.submit`)}
      onSubmit={submit}
      successMessage={`${T}.done`}
      onClose={onClose}
      maxWidth="md"
    >
      {(errors) => (
        <>
          <TextField
            label={translate('engagement.meeting.notes')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            multiline
            minRows={3}
            error={!!errors.notes}
            helperText={errors.notes}
          />
          <AgreedActionsEditor actions={actions} onChange={setActions} errors={errors} />
        </>
      )}
    </CaseActionDialog>
  );
};
