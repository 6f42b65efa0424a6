import {
  Alert,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Link,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Button, HttpError, useNotify, useTranslate } from 'react-admin';
import { TOPICS, type MessageDetail, type MessageSuggestions, type Topic } from '@campaign-desk/contracts';
import { initialCaseForm, SUMMARY_MAX, toCasePayload, toSupporterPayload, type CaseForm } from './caseForm';
import { createCase, createSupporter } from './triageApi';
import { enumLabelKey } from '../shared/i18n/enumLabels';
import { EnumSelect } from '../shared/i18n/EnumSelect';

type FieldErrors = Record<string, string>;

const SUPPORTER_FIELDS = ['name', 'email', 'postcode'] as const;

interface DialogError {
  message: string;
  fields: FieldErrors;
  /** A 409 from `POST /api/supporters`: the supporter who already has this email (or name and postcode). */
  existingId?: string;
}

function errorsOf(error: unknown): DialogError {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof HttpError)) return { message, fields: {} };
  const existingId = typeof error.body?.existingId === 'string' ? error.body.existingId : undefined;
  return { message, fields: (error.body?.errors ?? {}) as FieldErrors, existingId };
}

/**
 * Creates the case in one go: a new supporter first when asked (remembered, so a retry after a
 * failed case does not create them twice), then `POST /api/cases` with the message, which moves the
 * message and its thread into the case. Lands on the new case's page.
 */
export const CreateCaseDialog = ({
  message,
  suggestions,
  onClose,
}: {
  message: MessageDetail;
  suggestions: MessageSuggestions;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [form, setForm] = useState<CaseForm>(() => initialCaseForm(message, suggestions));
  const [createdSupporterId, setCreatedSupporterId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DialogError | null>(null);
  const set = (changes: Partial<CaseForm>) => setForm((f) => ({ ...f, ...changes }));
  const setSupporter = (changes: Partial<CaseForm['newSupporter']>) =>
    setForm((f) => ({ ...f, newSupporter: { ...f.newSupporter, ...changes } }));
  const toggleTopic = (topic: Topic) =>
    set({ topics: form.topics.includes(topic) ? form.topics.filter((t) => t !== topic) : [...form.topics, topic] });
  const fieldError = (name: string) => error?.fields[name];
  const switchToExisting = (supporterId: string) => {
    set({ useExisting: true, existingSupporterId: supporterId });
    setError(null);
  };

  const submit = async () => {
    if (!form.topics.length)
      return setError({
        message: translate('triage.createCase.topicsRequired'),
        fields: { topics: translate('triage.createCase.topicsRequired') },
      });
    setBusy(true);
    setError(null);
    try {
      let supporterId = form.useExisting ? form.existingSupporterId : createdSupporterId;
      if (!supporterId) {
        supporterId = (await createSupporter(toSupporterPayload(form))).id;
        setCreatedSupporterId(supporterId);
      }
      const created = await createCase(toCasePayload(form, supporterId, message.id));
      notify('triage.actions.caseCreated', { type: 'info', messageArgs: { reference: created.reference } });
      navigate(`/cases/${created.id}/show`);
    } catch (caught) {
      setError(errorsOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const newSupporterFields = !form.useExisting && !createdSupporterId;
  const matched = suggestions.supporter.match === 'existing' ? suggestions.supporter : null;
  const choosingMatched = matched !== null && form.existingSupporterId === matched.supporterId;
  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="create-case-title">
      <DialogTitle id="create-case-title">{translate('triage.createCase.title')}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert
            severity="error"
            sx={{ mb: 2 }}
            action={
              error.existingId && (
                <Button
                  label={translate('triage.createCase.duplicate')}
                  onClick={() => switchToExisting(error.existingId as string)}
                />
              )
            }
          >
            {error.message}
          </Alert>
        )}
        {form.useExisting && !choosingMatched && form.existingSupporterId && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            <Link component={RouterLink} to={`/supporters/${form.existingSupporterId}/show`} target="_blank">
              {translate('triage.createCase.usingExisting')}
            </Link>
          </Typography>
        )}
        {matched && choosingMatched && (
          <RadioGroup
            value={form.useExisting ? 'existing' : 'new'}
            onChange={(e) => set({ useExisting: e.target.value === 'existing' })}
          >
            <FormControlLabel
              value="existing"
              control={<Radio />}
              label={translate('triage.createCase.existingSupporter', { name: matched.name })}
            />
            <FormControlLabel value="new" control={<Radio />} label={translate('triage.createCase.newSupporter')} />
          </RadioGroup>
        )}
        {newSupporterFields &&
          SUPPORTER_FIELDS.map((field) => (
            <TextField
              key={field}
              label={translate(`triage.createCase.${field}`)}
              value={form.newSupporter[field]}
              onChange={(e) => setSupporter({ [field]: e.target.value })}
              error={!!fieldError(field)}
              helperText={fieldError(field)}
              required
              fullWidth
              margin="dense"
            />
          ))}
        <FormControl component="fieldset" error={!!fieldError('topics')} sx={{ mt: 2 }} fullWidth>
          <FormLabel component="legend">{translate('triage.createCase.topics')}</FormLabel>
          <FormGroup row>
            {TOPICS.map((topic) => (
              <FormControlLabel
                key={topic}
                control={<Checkbox checked={form.topics.includes(topic)} onChange={() => toggleTopic(topic)} />}
                label={translate(enumLabelKey('topic', topic))}
              />
            ))}
          </FormGroup>
          {fieldError('topics') && <FormHelperText>{fieldError('topics')}</FormHelperText>}
        </FormControl>
        <EnumSelect
          of="priority"
          label={translate('triage.createCase.priority')}
          value={form.priority}
          onChange={(value) => set({ priority: value })}
          error={fieldError('priority')}
          fullWidth
          margin="dense"
        />
        <TextField
          label={translate('triage.createCase.trust')}
          value={form.trust}
          onChange={(e) => set({ trust: e.target.value })}
          error={!!fieldError('trust')}
          helperText={fieldError('trust')}
          slotProps={{ htmlInput: { maxLength: 300 } }}
          fullWidth
          margin="dense"
        />
        <TextField
          label={translate('triage.createCase.summary')}
          value={form.summary}
          onChange={(e) => set({ summary: e.target.value })}
          error={!!fieldError('summary')}
          helperText={fieldError('summary')}
          slotProps={{ htmlInput: { maxLength: SUMMARY_MAX } }}
          multiline
          minRows={3}
          maxRows={10}
          fullWidth
          margin="dense"
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={busy} />
        <Button label={translate('triage.createCase.submit')} variant="contained" onClick={submit} disabled={busy} />
      </DialogActions>
    </Dialog>
  );
};
