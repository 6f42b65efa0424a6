import CallMadeIcon from '@mui/icons-material/CallMade';
import CallReceivedIcon from '@mui/icons-material/CallReceived';
import { Box, Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { MessageSummary } from '@campaign-desk/contracts';
import { fetchMessage, fetchMessageHtml } from '../caseApi';
import { useCanWorkCases } from '../roles';
import { TimelineRow } from './TimelineRow';
import { enumLabelKey } from '../../shared/i18n/enumLabels';

/**
 * The sanitised HTML, only ever inside a sandboxed frame with no permissions at all (no scripts,
 * no same origin, no forms, no popups) and given as srcdoc: it is never injected into the page.
 */
const FormattedMessage = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['cases', 'message-html', id],
    queryFn: () => fetchMessageHtml(id),
    staleTime: Infinity,
  });
  if (data === undefined) return null;
  return (
    <Box
      component="iframe"
      sandbox=""
      srcDoc={data}
      title={translate('resources.cases.timeline.formattedTitle')}
      referrerPolicy="no-referrer"
      sx={{ width: '100%', height: 400, border: 1, borderColor: 'divider', mt: 1 }}
    />
  );
};

/** The full text (reading it is audited), with the quoted history folded away. */
const MessageBody = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const [quoted, setQuoted] = useState(false);
  const [formatted, setFormatted] = useState(false);
  const { data, error } = useQuery({
    queryKey: ['cases', 'message', id],
    queryFn: () => fetchMessage(id),
    staleTime: Infinity,
  });
  if (error)
    return (
      <Typography color="error" variant="body2">
        {error.message}
      </Typography>
    );
  if (!data) return null;
  return (
    <Box sx={{ mt: 1 }} data-testid="message-body">
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {data.text}
      </Typography>
      {data.attachments?.length > 0 && (
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('resources.cases.timeline.attachments', { smart_count: data.attachments.length })}
        </Typography>
      )}
      {data.quotedText && (
        <>
          <Button size="small" onClick={() => setQuoted(!quoted)}>
            {translate(quoted ? 'resources.cases.timeline.hideQuoted' : 'resources.cases.timeline.showQuoted')}
          </Button>
          {quoted && (
            <Typography
              variant="body2"
              component="div"
              color="text.secondary"
              sx={{ whiteSpace: 'pre-wrap', borderLeft: 3, borderColor: 'divider', pl: 1 }}
            >
              {data.quotedText}
            </Typography>
          )}
        </>
      )}
      {data.hasHtml && !formatted && (
        <Button size="small" onClick={() => setFormatted(true)}>
          {translate('resources.cases.timeline.showFormatted')}
        </Button>
      )}
      {formatted && <FormattedMessage id={id} />}
    </Box>
  );
};

/** An email in or out: subject, sender and snippet; the body on demand (not for viewers, who get no bodies). */
export const MessageEntry = ({ message, at }: { message: MessageSummary; at: string }) => {
  const translate = useTranslate();
  const canRead = useCanWorkCases();
  const [open, setOpen] = useState(false);
  const outbound = message.direction === 'out';
  const label = translate(outbound ? 'resources.cases.timeline.emailOut' : 'resources.cases.timeline.emailIn');
  // Viewers get no names or addresses: the sender's role ("supporter", "MP's office"…) instead.
  const from =
    message.fromName || message.fromAddress || translate(enumLabelKey('correspondentRole', message.fromRole));
  return (
    <TimelineRow
      kind="message"
      at={at}
      icon={outbound ? <CallMadeIcon fontSize="small" /> : <CallReceivedIcon fontSize="small" />}
      actor={from ?? undefined}
      title={
        message.subject === null
          ? label
          : `${label}: ${message.subject || translate('resources.cases.timeline.noSubject')}`
      }
    >
      {message.snippet && !open && (
        <Typography variant="body2" color="text.secondary" noWrap>
          {message.snippet}
        </Typography>
      )}
      {canRead && (
        <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {translate(open ? 'resources.cases.timeline.hideMessage' : 'resources.cases.timeline.showMessage')}
        </Button>
      )}
      {open && <MessageBody id={message.id} />}
    </TimelineRow>
  );
};
