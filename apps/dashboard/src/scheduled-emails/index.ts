import ScheduleSendIcon from '@mui/icons-material/ScheduleSend';
import { ScheduledEmailList } from './ScheduledEmailList';

/** Scheduled emails across cases (issue 6): the outbox with its due times, statuses and actions. */
export const scheduledEmails = {
  name: 'scheduled-emails',
  list: ScheduledEmailList,
  icon: ScheduleSendIcon,
};

export { ScheduledEmailActions } from './ScheduledEmailActions';
export { CancelReasonText, ScheduledEmailStatusChip } from './ScheduledEmailStatusChip';
export { scheduledEmailsMessages } from './messages';
