import { FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import { useAssignees } from './useAssignees';

/** A staff user id, "nobody" to unassign, or '' when nothing is chosen yet. */
export type AssigneeChoice = string;

/** Picks an assignee from `GET /api/cases/assignees`, showing each person's open-case load. */
export const AssigneeSelect = ({
  value,
  onChange,
  exclude,
}: {
  value: AssigneeChoice;
  onChange: (v: AssigneeChoice) => void;
  exclude?: string | null;
}) => {
  const translate = useTranslate();
  const { assignees } = useAssignees();
  const labelId = useId();
  return (
    <FormControl fullWidth sx={{ mt: 1 }}>
      <InputLabel id={labelId}>{translate('resources.cases.assign.assignee')}</InputLabel>
      <Select
        labelId={labelId}
        label={translate('resources.cases.assign.assignee')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        <MenuItem value="nobody">{translate('resources.cases.assign.nobody')}</MenuItem>
        {assignees
          .filter((a) => a.id !== exclude)
          .map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {a.name} · {translate('resources.cases.assign.openCases', { smart_count: a.openCases })}
            </MenuItem>
          ))}
      </Select>
    </FormControl>
  );
};
