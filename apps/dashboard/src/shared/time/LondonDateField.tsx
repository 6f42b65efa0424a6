import { useRecordContext } from 'react-admin';
import { formatLondonDate, formatLondonDateTime } from './londonTime';

interface Props {
  source: string;
  /** With the time of day (default), or the date only. */
  showTime?: boolean;
  /** What to show when there is no date. */
  emptyText?: string;
  /** For react-admin's labels and sorting; the field itself ignores them. */
  label?: string;
  sortable?: boolean;
}

/** react-admin's DateField, but through the one London formatter (Europe/London, en-GB) whatever the browser's zone. */
export const LondonDateField = ({ source, showTime = true, emptyText = '' }: Props) => {
  const record = useRecordContext();
  const value = record?.[source] as string | null | undefined;
  const text = showTime ? formatLondonDateTime(value) : formatLondonDate(value);
  return <>{text || emptyText}</>;
};
