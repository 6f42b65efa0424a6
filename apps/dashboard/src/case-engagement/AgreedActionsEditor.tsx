import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Checkbox, FormControlLabel, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AgreedActionInput } from '@campaign-desk/contracts';
import type { FieldErrors } from '../shared/api-errors/apiErrors';

import { EnumSelect } from '../shared/i18n/EnumSelect';

const T = 'engagement.actionsEditor';

export const emptyAgreedAction = (): AgreedActionInput => ({ description: '', owner: 'mp', dueDate: '', chase: false });

interface Props {
  actions: AgreedActionInput[];
  onChange: (actions: AgreedActionInput[]) => void;
  /** The API's field errors, named as the request has them (`agreedActions.1.dueDate`). */
  errors: FieldErrors;
  field?: string;
}

/** What was agreed at the meeting: what, who owns it, by when, and whether to chase the MP on that day. */
export const AgreedActionsEditor = ({ actions, onChange, errors, field = 'agreedActions' }: Props) => {
  const translate = useTranslate();
  const update = (index: number, change: Partial<AgreedActionInput>) =>
    onChange(actions.map((a, i) => (i === index ? { ...a, ...change } : a)));
  const setDueDate = (index: number, dueDate: string) =>
    // A due date, newly given, asks for a chase unless the caseworker unticks it (as the API's default).
    update(index, { dueDate, ...(dueDate && !actions[index].dueDate ? { chase: true } : {}) });
  const listError = errors[field];
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }} aria-label={translate(`${T}.title`)}>
      <Typography variant="subtitle2" component="legend" gutterBottom>
        {translate(`${T}.title`)}
      </Typography>
      {listError && (
        <Typography variant="caption" color="error" role="alert" sx={{ display: 'block', mb: 1 }}>
          {listError}
        </Typography>
      )}
      <Stack spacing={2}>
        {actions.map((action, index) => {
          const at = (name: string) => errors[`${field}.${index}.${name}`];
          const n = index + 1;
          return (
            <Stack
              key={index}
              direction={{ xs: 'column', sm: 'row' }}
              spacing={1}
              data-testid="agreed-action-input"
              sx={{ alignItems: 'flex-start' }}
            >
              <TextField
                label={translate(`${T}.description`, { n })}
                value={action.description}
                onChange={(e) => update(index, { description: e.target.value })}
                error={!!at('description')}
                helperText={at('description')}
                size="small"
                sx={{ flex: 2 }}
              />
              <EnumSelect
                of="actionOwner"
                label={translate(`${T}.owner`, { n })}
                value={action.owner}
                onChange={(value) => update(index, { owner: value })}
                error={at('owner')}
                size="small"
                sx={{ minWidth: 120 }}
              />
              <TextField
                type="date"
                label={translate(`${T}.dueDate`, { n })}
                value={action.dueDate ?? ''}
                onChange={(e) => setDueDate(index, e.target.value)}
                error={!!at('dueDate')}
                helperText={at('dueDate')}
                size="small"
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <FormControlLabel
                control={
                  <Checkbox checked={!!action.chase} onChange={(e) => update(index, { chase: e.target.checked })} />
                }
                label={translate(`${T}.chase`, { n })}
              />
              <IconButton
                aria-label={translate(`${T}.remove`, { n })}
                onClick={() => onChange(actions.filter((_, i) => i !== index))}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      <Button
        size="small"
        startIcon={<AddIcon />}
        onClick={() => onChange([...actions, emptyAgreedAction()])}
        sx={{ mt: 1 }}
      >
        {translate(`${T}.add`)}
      </Button>
    </Box>
  );
};
