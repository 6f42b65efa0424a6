import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface ActionDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  canConfirm: boolean;
  busy: boolean;
  error?: string | null;
  confirmColor?: 'primary' | 'warning';
  maxWidth?: 'xs' | 'sm';
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** The case pages' confirm dialogs: a title, the inputs, the server's refusal if any, Cancel and confirm. */
export const ActionDialog = ({
  open,
  title,
  confirmLabel,
  canConfirm,
  busy,
  error,
  confirmColor = 'primary',
  maxWidth = 'xs',
  onConfirm,
  onClose,
  children,
}: ActionDialogProps) => {
  const translate = useTranslate();
  const titleId = useId();
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {children}
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button onClick={onConfirm} disabled={!canConfirm || busy} variant="contained" color={confirmColor}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
