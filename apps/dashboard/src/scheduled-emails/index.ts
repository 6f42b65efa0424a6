import ScheduleSendIcon from '@mui/icons-material/ScheduleSend';

/** Scheduled emails across cases (issue 6): placeholder until the list lands. */
export const scheduledEmails = {
  name: 'scheduled-emails',
  icon: ScheduleSendIcon,
};
