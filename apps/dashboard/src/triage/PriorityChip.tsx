import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Priority } from '@campaign-desk/contracts';

const COLOURS: Record<Priority, 'default' | 'info' | 'warning' | 'error'> = {
  low: 'default',
  normal: 'info',
  high: 'warning',
  urgent: 'error',
};

export const PriorityChip = ({ priority }: { priority: Priority | null }) => {
  const translate = useTranslate();
  if (!priority) return <>—</>;
  return <Chip size="small" color={COLOURS[priority]} label={translate(`resources.cases.priority.${priority}`)} />;
};
