import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import BlockIcon from '@mui/icons-material/Block';
import LinkIcon from '@mui/icons-material/Link';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { Alert, Box, Card, CardContent, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, HttpError, Title, useNotify, useTranslate } from 'react-admin';
import type { MessageAddressDto, MessageDetail, MessageSuggestions } from '@campaign-desk/contracts';
import { CreateCaseDialog } from './CreateCaseDialog';
import { LinkCaseDialog } from './LinkCaseDialog';
import { MessageBody } from './MessageBody';
import { SuggestionsPanel } from './SuggestionsPanel';
import { fetchMessage, fetchSuggestions, triageMessage } from './triageApi';
import { formatLondonDateTime } from '../shared/time';
import { enumLabelKey } from '../shared/i18n/enumLabels';

/** A name and address, or (for viewers, who get neither) the role: "supporter", "MP's office"… */
const addresses = (list: MessageAddressDto[], roleLabel: (a: MessageAddressDto) => string) =>
  list.map((a) => (a.address === null ? roleLabel(a) : a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');

const HeaderLine = ({ label, value }: { label: string; value: string }) =>
  value ? (
    <Typography variant="body2">
      <Box component="span" sx={{ color: 'text.secondary', mr: 1 }}>
        {label}:
      </Box>
      {value}
    </Typography>
  ) : null;

const MessageHeader = ({ message }: { message: MessageDetail }) => {
  const translate = useTranslate();
  const roleLabel = (a: MessageAddressDto) => translate(enumLabelKey('correspondentRole', a.role));
  const from = addresses([{ name: message.fromName, address: message.fromAddress, role: message.fromRole }], roleLabel);
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h6" component="h1" sx={{ overflowWrap: 'anywhere' }}>
        {message.subject || '—'}
      </Typography>
      <HeaderLine label={translate('triage.fields.from')} value={from} />
      <HeaderLine label={translate('triage.fields.to')} value={addresses(message.to, roleLabel)} />
      <HeaderLine label={translate('triage.fields.cc')} value={addresses(message.cc, roleLabel)} />
      <Typography variant="body2" color="text.secondary">
        {translate('triage.fields.receivedAt')}: {formatLondonDateTime(message.receivedAt)}
      </Typography>
    </Box>
  );
};

const Actions = ({ message, suggestions }: { message: MessageDetail; suggestions: MessageSuggestions | undefined }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'create' | 'link' | null>(null);
  const [busy, setBusy] = useState(false);
  const notRequest = async () => {
    setBusy(true);
    try {
      await triageMessage(message.id, 'not_a_request');
      await queryClient.invalidateQueries({ queryKey: ['messages'] });
      notify('triage.actions.notRequestDone', { type: 'info' });
      navigate('/triage');
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
      <Button
        label={translate('triage.actions.createCase')}
        variant="contained"
        disabled={!suggestions || busy}
        onClick={() => setDialog('create')}
        startIcon={<NoteAddIcon />}
      />
      <Button
        label={translate('triage.actions.linkCase')}
        variant="outlined"
        disabled={busy}
        onClick={() => setDialog('link')}
        startIcon={<LinkIcon />}
      />
      <Button
        label={translate('triage.actions.notRequest')}
        variant="outlined"
        disabled={busy}
        onClick={notRequest}
        startIcon={<BlockIcon />}
      />
      {dialog === 'create' && suggestions && (
        <CreateCaseDialog message={message} suggestions={suggestions} onClose={() => setDialog(null)} />
      )}
      {dialog === 'link' && <LinkCaseDialog message={message} onClose={() => setDialog(null)} />}
    </Stack>
  );
};

/** One message of the inbox: header, safely displayed body, suggestions and the triage actions. */
export const TriageMessage = () => {
  const translate = useTranslate();
  const { id = '' } = useParams();
  const { data: message, error } = useQuery({
    queryKey: ['messages', id, 'detail'],
    queryFn: () => fetchMessage(id),
    retry: false,
  });
  const { data: suggestions, error: suggestionsError } = useQuery({
    queryKey: ['messages', id, 'suggestions'],
    queryFn: () => fetchSuggestions(id),
    retry: false,
  });
  const open = message && message.status === 'new' && !message.caseId;

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('triage.title')} />
      <Button
        label={translate('triage.message.back')}
        component={Link}
        to="/triage"
        startIcon={<ArrowBackIcon />}
        sx={{ mb: 1 }}
      />
      {error && (
        <Alert severity="error">
          {error instanceof HttpError && error.status === 404 ? translate('triage.message.notFound') : error.message}
        </Alert>
      )}
      {!message && !error && <LinearProgress />}
      {message && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 8 }}>
            <Card variant="outlined">
              <CardContent>
                <MessageHeader message={message} />
                {open ? (
                  <Actions message={message} suggestions={suggestions} />
                ) : (
                  <Alert severity="info" sx={{ mb: 2 }}>
                    {translate('triage.message.alreadyHandled', {
                      status: translate(enumLabelKey('messageStatus', message.status)),
                    })}
                    {message.caseId && (
                      <>
                        {' '}
                        <Link to={`/cases/${message.caseId}/show`}>{message.caseId}</Link>
                      </>
                    )}
                  </Alert>
                )}
                <MessageBody message={message} />
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            {suggestionsError && <Alert severity="warning">{suggestionsError.message}</Alert>}
            {suggestions && <SuggestionsPanel suggestions={suggestions} />}
          </Grid>
        </Grid>
      )}
    </Box>
  );
};
