import { Checkbox, FormControlLabel, FormGroup, FormLabel, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import {
  MEETING_CHECKLIST_BY_TYPE,
  type AgreedActionInput,
  type CaseDetail,
  type MeetingChecklist,
  type MeetingType,
} from '@campaign-desk/contracts';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { londonToIso } from '../shared/time';
import { AgreedActionsEditor } from './AgreedActionsEditor';
import { agreedActionsPayload, createMeeting } from './engagementApi';
import { enumLabelKey } from '../shared/i18n/enumLabels';
import { EnumSelect } from '../shared/i18n/EnumSelect';

const T = 'engagement.meeting';
/** '' lets the API decide from the time: upcoming in the future, held in the past. */
type StatusChoice = '' | 'upcoming' | 'held';

/** The preparation checklist for the meeting's type (the guidance: device for virtual, travel time in person). */
export const ChecklistInputs = ({
  type,
  checklist,
  onChange,
}: {
  type: MeetingType;
  checklist: MeetingChecklist;
  onChange: (checklist: MeetingChecklist) => void;
}) => {
  const translate = useTranslate();
  return (
    <FormGroup>
      <FormLabel component="legend">{translate(`${T}.checklist`)}</FormLabel>
      {MEETING_CHECKLIST_BY_TYPE[type].map((key) => (
        <FormControlLabel
          key={key}
          control={
            <Checkbox
              checked={!!checklist[key]}
              onChange={(e) => onChange({ ...checklist, [key]: e.target.checked })}
            />
          }
          label={translate(enumLabelKey('meetingChecklistKey', key))}
        />
      ))}
    </FormGroup>
  );
};

/** Records a meeting or surgery with the MP: upcoming with its preparation, or already held with what was agreed. */
export const MeetingDialog = ({ caseRecord, onClose }: { caseRecord: CaseDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const [type, setType] = useState<MeetingType>('in_person');
  const [startsAt, setStartsAt] = useState('');
  const [status, setStatus] = useState<StatusChoice>('');
  const [location, setLocation] = useState('');
  const [attendees, setAttendees] = useState('');
  const [notes, setNotes] = useState('');
  const [checklist, setChecklist] = useState<MeetingChecklist>({});
  const [actions, setActions] = useState<AgreedActionInput[]>([]);
  const submit = () =>
    createMeeting({
      caseId: caseRecord.id,
      type,
      startsAt: londonToIso(startsAt) ?? startsAt,
      ...(status ? { status } : {}),
      location: location.trim() || null,
      attendees: attendees.trim() || null,
      notes: notes.trim() || null,
      // Only the items that apply to this type (a changed type leaves the others behind).
      checklist: Object.fromEntries(MEETING_CHECKLIST_BY_TYPE[type].map((key) => [key, !!checklist[key]])),
      agreedActions: status === 'upcoming' ? [] : agreedActionsPayload(actions),
    });
  return (
    <CaseActionDialog
      id="record-meeting"
      title={translate(`${T}.title`, { mp: caseRecord.mpName ?? '' })}
      submitLabel={translate(`${T}.submit`)}
      onSubmit={submit}
      successMessage={`${T}.done`}
      onClose={onClose}
      maxWidth="md"
    >
      {(errors) => (
        <>
          <EnumSelect
            of="meetingType"
            label={translate(`${T}.type`)}
            value={type}
            onChange={(value) => setType(value)}
            error={errors.type}
          />
          <TextField
            type="datetime-local"
            label={translate(`${T}.startsAt`)}
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={!!errors.startsAt}
            helperText={errors.startsAt ?? translate(`${T}.startsAtHelp`)}
          />
          <TextField
            select
            label={translate(`${T}.status`)}
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusChoice)}
            error={!!errors.status}
            helperText={errors.status}
          >
            <MenuItem value="">{translate(`${T}.statusByTime`)}</MenuItem>
            <MenuItem value="upcoming">{translate('engagement.meetingStatuses.upcoming')}</MenuItem>
            <MenuItem value="held">{translate('engagement.meetingStatuses.held')}</MenuItem>
          </TextField>
          <TextField
            label={translate(type === 'virtual' ? `${T}.link` : `${T}.place`)}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
            error={!!errors.location}
            helperText={errors.location}
          />
          <TextField
            label={translate(`${T}.attendees`)}
            value={attendees}
            onChange={(e) => setAttendees(e.target.value)}
            error={!!errors.attendees}
            helperText={errors.attendees}
          />
          <ChecklistInputs type={type} checklist={checklist} onChange={setChecklist} />
          <TextField
            label={translate(`${T}.notes`)}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            multiline
            minRows={2}
            error={!!errors.notes}
            helperText={errors.notes}
          />
          {status !== 'upcoming' && <AgreedActionsEditor actions={actions} onChange={setActions} errors={errors} />}
        </>
      )}
    </CaseActionDialog>
  );
};
