import { Box, Button, Checkbox, FormControlLabel, FormGroup, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useTranslate } from 'react-admin';
import { MEETING_CHECKLIST_BY_TYPE, type MeetingDto, type UpdateMeetingInput } from '@campaign-desk/contracts';
import { updateMeeting } from './engagementApi';
import { useRecordChange } from './useRecordChange';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const T = 'engagement.panel';

/** Sends one change to the meeting (`PUT`), with a notice either way. */
function useMeetingChange(meetingId: string) {
  const { busy, run } = useRecordChange();
  return {
    busy,
    change: (input: UpdateMeetingInput, doneMessage: string) => run(() => updateMeeting(meetingId, input), doneMessage),
  };
}

/** The preparation checklist of an upcoming meeting, ticked off as the supporter gets ready (read-only for viewers). */
export const UpcomingChecklist = ({ meeting, canAct }: { meeting: MeetingDto; canAct: boolean }) => {
  const translate = useTranslate();
  const { busy, change } = useMeetingChange(meeting.id);
  const keys = MEETING_CHECKLIST_BY_TYPE[meeting.type];
  const ready = keys.filter((key) => meeting.checklist[key]).length;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {translate(`${T}.checklistReady`, { ready, total: keys.length })}
      </Typography>
      <FormGroup row>
        {keys.map((key) => (
          <FormControlLabel
            key={key}
            control={
              <Checkbox
                size="small"
                checked={!!meeting.checklist[key]}
                disabled={!canAct || busy}
                onChange={(e) =>
                  change({ checklist: { ...meeting.checklist, [key]: e.target.checked } }, `${T}.checklistSaved`)
                }
              />
            }
            label={<Typography variant="body2">{translate(enumLabelKey('meetingChecklistKey', key))}</Typography>}
          />
        ))}
      </FormGroup>
    </Box>
  );
};

/** Calls off an upcoming meeting, after asking. */
export const CancelMeetingButton = ({ meeting }: { meeting: MeetingDto }) => {
  const translate = useTranslate();
  const { busy, change } = useMeetingChange(meeting.id);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button size="small" color="warning" onClick={() => setAsking(true)} disabled={busy}>
        {translate(`${T}.cancelMeeting`)}
      </Button>
      <Confirm
        isOpen={asking}
        loading={busy}
        title={translate(`${T}.cancelMeetingTitle`)}
        content={translate(`${T}.cancelMeetingContent`)}
        onConfirm={async () => {
          await change({ status: 'cancelled' }, `${T}.meetingCancelled`);
          setAsking(false);
        }}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
