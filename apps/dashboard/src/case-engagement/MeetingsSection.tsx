import {
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Link,
  List,
  ListItem,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useGetList, useGetOne, usePermissions, useTranslate } from 'react-admin';
import type { AgreedActionDto, MeetingDto, ScheduledEmailDto } from '@campaign-desk/contracts';
import { ScheduledEmailActions, ScheduledEmailStatusChip } from '../scheduled-emails';
import { formatLondonDate, formatLondonDateTime } from '../shared/time';
import { markAgreedActionDone } from './engagementApi';
import { MeetingOutcomeDialog } from './MeetingOutcomeDialog';
import { CancelMeetingButton, UpcomingChecklist } from './UpcomingMeetingControls';
import { canWorkEngagement } from './useCaseLetter';
import { useRecordChange } from './useRecordChange';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const T = 'engagement.panel';
/** The API accepts the outcome from a minute before the start (clock drift). */
const hasStarted = (meeting: MeetingDto) => Date.parse(meeting.startsAt) <= Date.now() + 60_000;

/** The thank-you to the MP drafted after the meeting: its status and when it goes (approve or cancel a draft here), with the outbox to review it. */
const ThankYouStatus = ({ meeting }: { meeting: MeetingDto }) => {
  const translate = useTranslate();
  const { data: email } = useGetOne<ScheduledEmailDto>(
    'scheduled-emails',
    { id: meeting.thankYouEmailId ?? '' },
    { enabled: !!meeting.thankYouEmailId },
  );
  if (!meeting.thankYouEmailId) return null;
  const filter = encodeURIComponent(JSON.stringify({ caseId: meeting.caseId, kind: 'meeting_thank_you' }));
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', flexWrap: 'wrap' }}
      data-testid="thank-you-status"
      data-status={email?.status ?? ''}
    >
      <Typography variant="body2">{translate(`${T}.thankYou`)}</Typography>
      {email && <ScheduledEmailStatusChip email={email} />}
      {email && <Typography variant="body2">{formatLondonDateTime(email.sentAt ?? email.dueAt)}</Typography>}
      {email?.status === 'draft' && <ScheduledEmailActions email={email} />}
      <Link href={`#/scheduled-emails?filter=${filter}`} variant="body2">
        {translate(`${T}.reviewThankYou`)}
      </Link>
    </Stack>
  );
};

const AgreedActionRow = ({ action, canAct }: { action: AgreedActionDto; canAct: boolean }) => {
  const translate = useTranslate();
  const { busy, run } = useRecordChange();
  const markDone = () => run(() => markAgreedActionDone(action.meetingId, action.id), `${T}.actionDone`);
  const details = [
    translate(enumLabelKey('actionOwner', action.owner)),
    action.dueDate ? translate(`${T}.due`, { date: formatLondonDate(action.dueDate) }) : translate(`${T}.noDueDate`),
    action.chase ? translate(`${T}.chased`) : null,
  ].filter(Boolean);
  return (
    <ListItem disableGutters data-testid="agreed-action" data-done={action.doneAt ? 'true' : 'false'} sx={{ py: 0 }}>
      <FormControlLabel
        // Done cannot be undone: the chase it cancelled is gone.
        control={
          <Checkbox
            size="small"
            checked={!!action.doneAt}
            disabled={!canAct || busy || !!action.doneAt}
            onChange={markDone}
          />
        }
        label={
          <span>
            {action.description}{' '}
            <Typography component="span" variant="caption" color="text.secondary">
              ({details.join(' · ')})
            </Typography>
          </span>
        }
      />
    </ListItem>
  );
};

const MeetingCard = ({
  meeting,
  canAct,
  onRecordOutcome,
}: {
  meeting: MeetingDto;
  canAct: boolean;
  onRecordOutcome: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="meeting" data-status={meeting.status}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body1">
          {translate(enumLabelKey('meetingType', meeting.type))}, {formatLondonDateTime(meeting.startsAt)}
        </Typography>
        <Chip
          size="small"
          label={translate(enumLabelKey('meetingStatus', meeting.status))}
          color={meeting.status === 'held' ? 'success' : 'default'}
          variant="outlined"
        />
        {meeting.status === 'upcoming' && canAct && (
          <Button
            size="small"
            onClick={onRecordOutcome}
            disabled={!hasStarted(meeting)}
            title={hasStarted(meeting) ? undefined : translate(`${T}.outcomeLater`)}
          >
            {translate(`${T}.recordOutcome`)}
          </Button>
        )}
        {meeting.status === 'upcoming' && canAct && <CancelMeetingButton meeting={meeting} />}
      </Stack>
      {(meeting.location || meeting.attendees) && (
        <Typography variant="body2" color="text.secondary">
          {[meeting.location, meeting.attendees].filter(Boolean).join(' · ')}
        </Typography>
      )}
      {meeting.status === 'upcoming' && <UpcomingChecklist meeting={meeting} canAct={canAct} />}
      {meeting.notes && <Typography variant="body2">{meeting.notes}</Typography>}
      {meeting.agreedActions.length > 0 && (
        <List dense aria-label={translate(`${T}.agreedActions`)}>
          {meeting.agreedActions.map((action) => (
            <AgreedActionRow key={action.id} action={action} canAct={canAct} />
          ))}
        </List>
      )}
      <ThankYouStatus meeting={meeting} />
    </Paper>
  );
};

/** The case's meetings and surgeries: upcoming first (soonest first), then those held or cancelled. */
export const MeetingsSection = ({ caseId }: { caseId: string }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<string>();
  const [outcomeFor, setOutcomeFor] = useState<MeetingDto | null>(null);
  const { data: meetings = [], isPending } = useGetList<MeetingDto>('meetings', {
    filter: { caseId },
    sort: { field: 'startsAt', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
  });
  const upcoming = meetings.filter((m) => m.status === 'upcoming').reverse();
  const past = meetings.filter((m) => m.status !== 'upcoming');
  const canAct = canWorkEngagement(permissions);
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1">{translate(`${T}.meetings`)}</Typography>
      {!isPending && meetings.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate(`${T}.noMeetings`)}
        </Typography>
      )}
      <Stack spacing={1}>
        {[...upcoming, ...past].map((meeting) => (
          <MeetingCard
            key={meeting.id}
            meeting={meeting}
            canAct={canAct}
            onRecordOutcome={() => setOutcomeFor(meeting)}
          />
        ))}
      </Stack>
      {outcomeFor && <MeetingOutcomeDialog meeting={outcomeFor} onClose={() => setOutcomeFor(null)} />}
    </Box>
  );
};
