import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Priority } from '@campaign-desk/contracts';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const COLOURS: Record<Priority, 'default' | 'info' | 'warning' | 'error'> = {
  low: 'default',
  normal: 'info',
  high: 'warning',
  urgent: 'error',
};

export const PriorityChip = ({ priority }: { priority: Priority | null }) => {
  const translate = useTranslate();
  if (!priority) return <>—</>;
  return <Chip size="small" color={COLOURS[priority]} label={translate(enumLabelKey('priority', priority))} />;
};
