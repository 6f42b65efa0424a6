import { MenuItem, TextField, type TextFieldProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { ENUM_LABELS, enumLabelKey, type EnumValue, type LabelledEnum } from './enumLabels';

type Props<E extends LabelledEnum> = Omit<TextFieldProps, 'select' | 'value' | 'onChange' | 'error' | 'children'> & {
  /** Which contracts enum to choose from; each value is labelled from the messages. */
  of: E;
  value: EnumValue<E> | undefined;
  onChange: (value: EnumValue<E>) => void;
  /** The API's message for this field; shown instead of the help text. */
  error?: string;
  helperText?: ReactNode;
};

/** A select over every value of a contracts enum, labelled in words, for the case page's dialogs. */
export function EnumSelect<E extends LabelledEnum>({ of, value, onChange, error, helperText, ...field }: Props<E>) {
  const translate = useTranslate();
  const values = ENUM_LABELS[of].values as readonly EnumValue<E>[];
  return (
    <TextField
      {...field}
      select
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value as EnumValue<E>)}
      error={!!error}
      helperText={error ?? helperText}
    >
      {values.map((v) => (
        <MenuItem key={v} value={v}>
          {translate(enumLabelKey(of, v))}
        </MenuItem>
      ))}
    </TextField>
  );
}
