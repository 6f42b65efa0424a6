import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { ChasePlanSettings } from '@campaign-desk/contracts';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../shared/api-errors/apiErrors';
import { apiFetch } from '../providers/http';
import { parseDraft, toDraft, type Draft } from './chasePlanDraft';

const T = 'chasePlan';
/** `/chase-plan` (admins): the days of the check-in, its reminder, the chases to the MP and the telephone task. */
export const ChasePlanPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<string>();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    apiFetch('/api/chase-plan').then(
      ({ json }) => setDraft(toDraft(json as ChasePlanSettings)),
      (error: unknown) => setProblem(messageOf(error)),
    );
  }, []);

  const save = async () => {
    if (!draft) return;
    const parsed = parseDraft(draft);
    if ('invalid' in parsed) return setErrors({ mpChaseDays: translate(`${T}.notANumberList`) });
    setSaving(true);
    setErrors({});
    setProblem(null);
    try {
      const { json } = await apiFetch('/api/chase-plan', { method: 'PUT', body: JSON.stringify(parsed) });
      setDraft(toDraft(json as ChasePlanSettings));
      notify(`${T}.saved`, { type: 'info' });
    } catch (error) {
      setProblem(messageOf(error));
      setErrors(fieldErrorsOf(error));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof ChasePlanSettings, help?: string) => (
    <TextField
      key={name}
      label={translate(`${T}.${name}`)}
      value={draft?.[name] ?? ''}
      onChange={(e) => setDraft((d) => (d ? { ...d, [name]: e.target.value } : d))}
      error={!!errors[name]}
      helperText={errors[name] ?? help}
      disabled={permissions !== 'admin'}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
    />
  );

  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={translate(`${T}.title`)} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate(`${T}.title`)}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate(`${T}.intro`)}
        </Typography>
        {permissions !== 'admin' && <Alert severity="info">{translate(`${T}.adminsOnly`)}</Alert>}
        {draft && (
          <Stack spacing={2}>
            {field('checkinDays')}
            {field('reminderDays')}
            {field('mpChaseDays', translate(`${T}.mpChaseDaysHelp`))}
            {field('phoneTaskDays')}
            {problem && (
              <Alert severity="error" role="alert">
                {problem}
              </Alert>
            )}
            {permissions === 'admin' && (
              <Button variant="contained" onClick={save} disabled={saving} sx={{ alignSelf: 'flex-start' }}>
                {translate(`${T}.save`)}
              </Button>
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
