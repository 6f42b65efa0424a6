import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, useNotify, useTranslate } from 'react-admin';
import type { CaseListItem, MessageDetail } from '@campaign-desk/contracts';
import { useDebouncedValue } from '../shared/debounce/useDebouncedValue';
import { searchCases, triageMessage } from './triageApi';
import { enumLabelKey } from '../shared/i18n/enumLabels';

/** Finds a case by reference (`CD-12`) or words, then joins the message to it through the triage action. */
export const LinkCaseDialog = ({ message, onClose }: { message: MessageDetail; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<CaseListItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const term = useDebouncedValue(q.trim(), 300);
  const { data: matches = [], error: searchError } = useQuery({
    queryKey: ['cases', 'link-search', term],
    queryFn: () => searchCases(term),
    enabled: term.length > 0,
  });

  const link = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await triageMessage(message.id, 'link_case', { caseId: chosen.id });
      notify('triage.actions.linked', { type: 'info', messageArgs: { reference: chosen.reference } });
      navigate('/triage');
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="link-case-title">
      <DialogTitle id="link-case-title">{translate('triage.linkCase.title')}</DialogTitle>
      <DialogContent>
        {(error || searchError) && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error ?? searchError?.message}
          </Alert>
        )}
        <TextField
          autoFocus
          label={translate('triage.linkCase.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          fullWidth
          margin="dense"
        />
        {term && !matches.length && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('triage.linkCase.noMatches')}
          </Typography>
        )}
        <List dense>
          {matches.map((c) => (
            <ListItemButton key={c.id} selected={chosen?.id === c.id} onClick={() => setChosen(c)}>
              <ListItemText
                primary={`${c.reference} · ${c.supporterName}`}
                secondary={[translate(enumLabelKey('caseStatus', c.status)), c.constituencyName]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItemButton>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} disabled={busy} />
        <Button
          label={translate('triage.linkCase.submit')}
          variant="contained"
          onClick={link}
          disabled={busy || !chosen}
        />
      </DialogActions>
    </Dialog>
  );
};
