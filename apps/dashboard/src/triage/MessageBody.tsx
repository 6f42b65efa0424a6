import ImageIcon from '@mui/icons-material/Image';
import { Alert, Box, Collapse, LinearProgress, Link as MuiLink, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import type { MessageDetail } from '@campaign-desk/contracts';
import { withCspMeta } from './messageFrame';
import { attachmentUrl, fetchMessageHtml, messageHtmlUrl } from './triageApi';

/**
 * Sanitised HTML in a frame with an empty sandbox (no scripts, no same-origin, no forms, no popups,
 * no top navigation). Remote images stay blocked until staff choose to load them.
 */
const HtmlBody = ({ message }: { message: MessageDetail }) => {
  const translate = useTranslate();
  const [loadImages, setLoadImages] = useState(false);
  const { data: document, error } = useQuery({
    queryKey: ['messages', message.id, 'html'],
    queryFn: () => fetchMessageHtml(message.id),
  });
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (document === undefined) return <LinearProgress />;
  const frameSource = loadImages ? { src: messageHtmlUrl(message.id, true) } : { srcDoc: withCspMeta(document) };
  return (
    <>
      {message.hasRemoteImages && !loadImages && (
        <Alert
          severity="info"
          sx={{ mb: 1 }}
          action={
            <Button
              label={translate('triage.message.loadImages')}
              onClick={() => setLoadImages(true)}
              startIcon={<ImageIcon />}
            />
          }
        >
          {translate('triage.message.imagesBlocked')}
        </Alert>
      )}
      <Box
        component="iframe"
        key={loadImages ? 'with-images' : 'no-images'}
        title={translate('triage.message.frameTitle')}
        sandbox=""
        referrerPolicy="no-referrer"
        {...frameSource}
        sx={{
          width: '100%',
          height: 480,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          resize: 'vertical',
          bgcolor: 'common.white',
        }}
        data-testid="message-frame"
      />
    </>
  );
};

/** Plain text: the new part first, the quoted history folded away until asked for. */
const TextBody = ({ message }: { message: MessageDetail }) => {
  const translate = useTranslate();
  const [showQuoted, setShowQuoted] = useState(false);
  const pre = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', m: 0 } as const;
  return (
    <Box data-testid="message-text">
      <Typography component="pre" variant="body2" sx={pre}>
        {message.text || translate('triage.message.noBody')}
      </Typography>
      {message.quotedText && (
        <>
          <Button
            label={translate(showQuoted ? 'triage.message.hideQuotedHistory' : 'triage.message.quotedHistory')}
            onClick={() => setShowQuoted((v) => !v)}
            aria-expanded={showQuoted}
            sx={{ mt: 1 }}
          />
          <Collapse in={showQuoted}>
            <Typography
              component="pre"
              variant="body2"
              color="text.secondary"
              sx={{ ...pre, borderLeft: 3, borderColor: 'divider', pl: 1 }}
            >
              {message.quotedText}
            </Typography>
          </Collapse>
        </>
      )}
    </Box>
  );
};

const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Download links only: the server answers every attachment as a typed download, never inline. */
const Attachments = ({ message }: { message: MessageDetail }) => {
  const translate = useTranslate();
  if (!message.attachments.length) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate('triage.fields.attachments')}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {message.attachments.map((a) => (
          <li key={a.n}>
            <MuiLink
              href={attachmentUrl(message.id, a.n)}
              download={a.filename ?? `attachment-${a.n}`}
              rel="noopener noreferrer"
            >
              {a.filename ?? `attachment-${a.n}`}
            </MuiLink>{' '}
            <Typography component="span" variant="caption" color="text.secondary">
              ({a.contentType}, {formatSize(a.size)})
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
};

export const MessageBody = ({ message }: { message: MessageDetail }) => (
  <>
    {message.hasHtml ? <HtmlBody message={message} /> : <TextBody message={message} />}
    <Attachments message={message} />
  </>
);
