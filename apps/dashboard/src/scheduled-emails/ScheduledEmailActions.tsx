import CancelScheduleSendIcon from '@mui/icons-material/CancelScheduleSend';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import EventIcon from '@mui/icons-material/Event';
import SendIcon from '@mui/icons-material/Send';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { usePermissions, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ScheduledEmailDto } from '@campaign-desk/contracts';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { messageOf } from '../shared/api-errors/apiErrors';
import { formatLondonDateTime, londonToIso, toLondonInput } from '../shared/time';
import {
  approveScheduledEmail,
  CAN_APPROVE,
  CAN_CANCEL,
  CAN_RESCHEDULE,
  CAN_SEND_NOW,
  cancelScheduledEmail,
  rescheduleEmail,
  sendScheduledEmailNow,
} from './scheduledEmailApi';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const T = 'resources.scheduled-emails';
// Inside a list row the row is a link to the case: a button press must not follow it.
const stop = (event: MouseEvent) => event.stopPropagation();

const RescheduleDialog = ({ email, onClose }: { email: ScheduledEmailDto; onClose: () => void }) => {
  const translate = useTranslate();
  const [value, setValue] = useState(() => toLondonInput(email.dueAt));
  const [invalid, setInvalid] = useState(false);
  const save = () => {
    const dueAt = londonToIso(value);
    setInvalid(!dueAt);
    return dueAt
      ? rescheduleEmail(email.id, dueAt)
      : Promise.reject(new Error(translate(`${T}.notifications.invalidDueAt`)));
  };
  return (
    <CaseActionDialog
      id="reschedule"
      title={translate(`${T}.actions.rescheduleTitle`, {
        kind: translate(enumLabelKey('scheduledEmailKind', email.kind)),
      })}
      submitLabel={translate(`${T}.actions.save`)}
      onSubmit={save}
      successMessage={(saved) =>
        translate(`${T}.notifications.rescheduled`, { dueAt: formatLondonDateTime(saved.dueAt) })
      }
      onClose={onClose}
      maxWidth="xs"
    >
      {(errors) => (
        <TextField
          type="datetime-local"
          label={translate(`${T}.actions.newDueAt`)}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          error={invalid || !!errors.dueAt}
          helperText={errors.dueAt}
          autoFocus
        />
      )}
    </CaseActionDialog>
  );
};

const CancelDialog = ({ email, onClose }: { email: ScheduledEmailDto; onClose: () => void }) => {
  const translate = useTranslate();
  return (
    <CaseActionDialog
      id="cancel-email"
      title={translate(`${T}.actions.confirmCancel`)}
      submitLabel={translate(`${T}.actions.cancel`)}
      submitColor="warning"
      closeLabel={translate(`${T}.actions.keep`)}
      onSubmit={() => cancelScheduledEmail(email.id)}
      successMessage={`${T}.notifications.cancelled`}
      onClose={onClose}
      maxWidth="xs"
    >
      {() => <Typography>{translate(enumLabelKey('scheduledEmailKind', email.kind))}</Typography>}
    </CaseActionDialog>
  );
};

/** Approve (a draft), cancel, reschedule and send now for one scheduled email, as far as its status allows; nothing for viewers. */
export const ScheduledEmailActions = ({ email }: { email: ScheduledEmailDto }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string>();
  const [open, setOpen] = useState<'reschedule' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  if (permissions !== 'admin' && permissions !== 'caseworker') return null;

  const run = async (call: (id: string) => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call(email.id);
      notify(`${T}.notifications.${done}`, { type: 'info' });
    } catch (failure) {
      notify(messageOf(failure), { type: 'error' });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const sendNow = () => run(sendScheduledEmailNow, 'sendNow');
  const label = translate(enumLabelKey('scheduledEmailKind', email.kind));
  const action = (key: string) => `${translate(`${T}.actions.${key}`)}: ${label}`;
  const close = () => setOpen(null);
  return (
    <Stack direction="row" spacing={0.5} onClick={stop}>
      {CAN_APPROVE.includes(email.status) && (
        <Button
          size="small"
          variant="contained"
          startIcon={<DoneAllIcon />}
          disabled={busy}
          aria-label={action('approve')}
          onClick={() => run(approveScheduledEmail, 'approved')}
        >
          {translate(`${T}.actions.approve`)}
        </Button>
      )}
      {CAN_SEND_NOW.includes(email.status) && (
        <Button size="small" startIcon={<SendIcon />} disabled={busy} aria-label={action('sendNow')} onClick={sendNow}>
          {translate(`${T}.actions.sendNow`)}
        </Button>
      )}
      {CAN_RESCHEDULE.includes(email.status) && (
        <Button
          size="small"
          startIcon={<EventIcon />}
          disabled={busy}
          aria-label={action('reschedule')}
          onClick={() => setOpen('reschedule')}
        >
          {translate(`${T}.actions.reschedule`)}
        </Button>
      )}
      {CAN_CANCEL.includes(email.status) && (
        <Button
          size="small"
          color="warning"
          startIcon={<CancelScheduleSendIcon />}
          disabled={busy}
          aria-label={action('cancel')}
          onClick={() => setOpen('cancel')}
        >
          {translate(`${T}.actions.cancel`)}
        </Button>
      )}
      {open === 'reschedule' && <RescheduleDialog email={email} onClose={close} />}
      {open === 'cancel' && <CancelDialog email={email} onClose={close} />}
    </Stack>
  );
};
