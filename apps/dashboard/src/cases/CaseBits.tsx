import { Box, Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { CaseStatus, Priority } from '@campaign-desk/contracts';
import { formatLondonDateTime } from '../shared/time';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const STATUS_COLOURS: Record<CaseStatus, 'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning'> = {
  new: 'info',
  triaged: 'primary',
  in_progress: 'primary',
  awaiting_mp: 'secondary',
  mp_responded: 'success',
  follow_up: 'primary',
  on_hold: 'warning',
  closed: 'default',
};

export const StatusChip = ({ status }: { status: CaseStatus | null | undefined }) => {
  const translate = useTranslate();
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={STATUS_COLOURS[status] ?? 'default'}
      label={translate(enumLabelKey('caseStatus', status))}
      data-testid="case-status"
    />
  );
};

export const PriorityLabel = ({ priority }: { priority: Priority | null | undefined }) => {
  const translate = useTranslate();
  if (!priority) return null;
  const urgent = priority === 'urgent' || priority === 'high';
  return (
    <Typography
      component="span"
      variant="body2"
      color={urgent ? 'error' : 'inherit'}
      sx={{ fontWeight: priority === 'urgent' ? 600 : undefined }}
    >
      {translate(enumLabelKey('priority', priority))}
    </Typography>
  );
};

/** A due time with an "Overdue" flag when the server says it has passed. */
export const DueDate = ({ at, overdue }: { at: string | null | undefined; overdue: boolean | undefined }) => {
  const translate = useTranslate();
  if (!at)
    return (
      <Typography component="span" variant="body2">
        {translate('resources.cases.header.none')}
      </Typography>
    );
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <Typography component="span" variant="body2">
        {formatLondonDateTime(at) || '—'}
      </Typography>
      {overdue && <Chip size="small" color="error" label={translate('resources.cases.header.overdue')} />}
    </Box>
  );
};
