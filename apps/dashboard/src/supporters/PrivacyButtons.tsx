import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import type { SupporterDto } from '@campaign-desk/contracts';
import { formatLondonDateTime } from '../shared/time';
import { eraseSupporter, fetchErasure, subjectAccessExportUrl } from './supporterApi';

/** The word an admin types to confirm an erasure. */
export const ERASE_CONFIRMATION = 'ERASE';

const useIsAdmin = () => usePermissions<string>().permissions === 'admin';

/** Downloads everything held about the supporter: a ZIP of JSON, their emails and attachments, and a PDF (audited). */
export const ExportEverythingButton = () => {
  const record = useRecordContext<SupporterDto>();
  if (!useIsAdmin() || !record) return null;
  return (
    <Button size="small" startIcon={<DownloadIcon />} component="a" href={subjectAccessExportUrl(record.id)} download>
      Export everything we hold
    </Button>
  );
};

/**
 * Erases the supporter after a reason and the typed word ERASE: pending mail is cancelled, their personal
 * and health data removed from every record, and their emails refused from then on. It cannot be undone.
 */
export const EraseSupporterButton = () => {
  const record = useRecordContext<SupporterDto>();
  const notify = useNotify();
  const refresh = useRefresh();
  const isAdmin = useIsAdmin();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [erasing, setErasing] = useState(false);
  if (!isAdmin || !record) return null;

  const close = () => {
    setOpen(false);
    setReason('');
    setTyped('');
    setError(null);
  };
  const ready = reason.trim().length > 0 && typed.trim() === ERASE_CONFIRMATION && !erasing;
  const confirm = async () => {
    setErasing(true);
    setError(null);
    try {
      await eraseSupporter(record.id, reason.trim());
      notify('The supporter was erased', { type: 'info' });
      close();
      refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The erasure failed; try again to finish it');
    } finally {
      setErasing(false);
    }
  };

  return (
    <>
      <Button size="small" color="error" startIcon={<DeleteForeverIcon />} onClick={() => setOpen(true)}>
        Erase supporter
      </Button>
      <Dialog open={open} onClose={erasing ? undefined : close} fullWidth maxWidth="sm" aria-labelledby="erase-title">
        <DialogTitle id="erase-title">Erase {record.name}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Every pending email is cancelled first. Then their name, contact details, story, emails and attachments,
            letters, notes and meetings are removed from every record, and any email from them is refused from now on.
            Counts in the reports stay; the audit log keeps who did what, without their details.
          </Typography>
          <Alert severity="warning" sx={{ mb: 2 }}>
            This cannot be undone. Export everything we hold first if they asked for a copy.
          </Alert>
          <TextField
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            required
            sx={{ mb: 2 }}
            helperText="For example: asked to be forgotten, by email on 3 December"
          />
          <TextField
            label={`Type ${ERASE_CONFIRMATION} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            fullWidth
            required
            autoComplete="off"
          />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={erasing}>
            Cancel
          </Button>
          <Button onClick={confirm} disabled={!ready} color="error" variant="contained">
            Erase
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** For admins: when the supporter was erased and why, or that an erasure stopped part-way (erasing again finishes it). */
export const ErasureNotice = () => {
  const record = useRecordContext<SupporterDto>();
  const isAdmin = useIsAdmin();
  const { data } = useQuery({
    queryKey: ['supporters', 'erasure', record?.id, record?.updatedAt],
    queryFn: () => fetchErasure(String(record?.id)),
    enabled: isAdmin && !!record,
  });
  if (!isAdmin || !data) return null;
  return data.status === 'completed' ? (
    <Alert severity="info" sx={{ mb: 2 }}>
      Erased {formatLondonDateTime(data.completedAt)}: {data.reason}
    </Alert>
  ) : (
    <Alert severity="warning" sx={{ mb: 2 }}>
      An erasure started {formatLondonDateTime(data.requestedAt)} did not finish. Erase again to finish it.
    </Alert>
  );
};
