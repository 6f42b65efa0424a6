import { Chip, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ScheduledEmailDto, ScheduledEmailStatus } from '@campaign-desk/contracts';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const COLOURS: Record<ScheduledEmailStatus, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  draft: 'warning',
  scheduled: 'info',
  sending: 'info',
  sent: 'success',
  failed: 'error',
  cancelled: 'default',
  unknown: 'warning',
};

/** The outbox status; `unknown` stands out and says why a person must decide. Bounced sent emails say so. */
export const ScheduledEmailStatusChip = ({
  email,
}: {
  email: Pick<ScheduledEmailDto, 'status' | 'deliveryStatus'>;
}) => {
  const translate = useTranslate();
  const bounced = email.deliveryStatus === 'bounced';
  const label = bounced
    ? translate('resources.scheduled-emails.bounced')
    : translate(enumLabelKey('scheduledEmailStatus', email.status));
  const chip = (
    <Chip
      size="small"
      label={label}
      color={bounced ? 'error' : COLOURS[email.status]}
      variant={email.status === 'unknown' ? 'filled' : 'outlined'}
    />
  );
  if (email.status !== 'unknown') return chip;
  return <Tooltip title={translate('resources.scheduled-emails.unknownHelp')}>{chip}</Tooltip>;
};

/** Why it was cancelled, in words. */
export const CancelReasonText = ({ email }: { email: Pick<ScheduledEmailDto, 'cancelReason'> }) => {
  const translate = useTranslate();
  return email.cancelReason ? <>{translate(enumLabelKey('cancelReason', email.cancelReason))}</> : null;
};
