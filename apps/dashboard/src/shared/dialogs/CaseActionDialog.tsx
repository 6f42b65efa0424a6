import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../api-errors/apiErrors';

interface Props<R> {
  id: string;
  title: string;
  submitLabel: string;
  /** Calls the API; a rejection shows its message and field errors, a success refreshes the page and closes. */
  onSubmit: () => Promise<R>;
  /** An i18n key, or the words for what was done. */
  successMessage: string | ((result: R) => string);
  onClose: () => void;
  /** While the form cannot be sent as it is (for example the preview was refused). */
  submitDisabled?: boolean;
  submitColor?: 'primary' | 'warning';
  /** The button that closes without doing anything (default "Cancel"). */
  closeLabel?: string;
  maxWidth?: 'xs' | 'sm' | 'md';
  children: (fieldErrors: FieldErrors) => ReactNode;
}

/** A small form dialog for one action on a case or a scheduled email. */
export function CaseActionDialog<R>({
  id,
  title,
  submitLabel,
  onSubmit,
  successMessage,
  onClose,
  submitDisabled,
  submitColor = 'primary',
  closeLabel,
  maxWidth = 'sm',
  children,
}: Props<R>) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    setFieldErrors({});
    try {
      const result = await onSubmit();
      notify(typeof successMessage === 'function' ? successMessage(result) : successMessage, { type: 'info' });
      refresh();
      onClose();
    } catch (error) {
      setProblem(messageOf(error));
      setFieldErrors(fieldErrorsOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    // A click inside must not reach a clickable list row behind the dialog.
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      onClick={(e) => e.stopPropagation()}
      fullWidth
      maxWidth={maxWidth}
      aria-labelledby={`${id}-title`}
    >
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {children(fieldErrors)}
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {closeLabel ?? translate('ra.action.cancel')}
        </Button>
        <Button onClick={submit} disabled={busy || submitDisabled} variant="contained" color={submitColor}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
