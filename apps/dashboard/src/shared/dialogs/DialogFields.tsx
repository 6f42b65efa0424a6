import { TextField } from '@mui/material';
import { londonToday } from '../time';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The API's message for this field, shown instead of the help text. */
  error?: string;
  help?: string;
}

/** A date that has already happened (London's today at most): when a contact, response or action took place. */
export const PastDateField = ({ label, value, onChange, error, help }: FieldProps) => (
  <TextField
    type="date"
    label={label}
    value={value}
    onChange={(e) => onChange(e.target.value)}
    slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: londonToday() } }}
    error={!!error}
    helperText={error ?? help}
  />
);

/** A few lines of free text saying what happened. */
export const SummaryField = ({ label, value, onChange, error, help }: FieldProps) => (
  <TextField
    label={label}
    value={value}
    onChange={(e) => onChange(e.target.value)}
    multiline
    minRows={2}
    error={!!error}
    helperText={error ?? help}
  />
);
