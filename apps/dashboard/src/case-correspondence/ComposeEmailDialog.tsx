import { Alert, MenuItem, TextField, Typography } from '@mui/material';
import { useEffect, useEffectEvent, useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { CaseDetail, ComposedEmailPreview, ComposeKind, EmailTemplateDto } from '@campaign-desk/contracts';
import { useDebouncedValue } from '../shared/debounce/useDebouncedValue';
import { messageOf } from '../shared/api-errors/apiErrors';
import { EmailPreviewBox } from '../shared/email-preview/EmailPreviewBox';
import { CaseActionDialog } from '../shared/dialogs/CaseActionDialog';
import { previewCaseEmail, sendCaseEmail } from './correspondenceApi';

const T = 'correspondence.compose';
/** Templates that make sense to start from by hand; the others need a meeting or a check-in link. */
const STARTING_TEMPLATES: Record<ComposeKind, readonly string[]> = {
  reply: ['reply'],
  mp_email: ['mp_email', 'mp_chase'],
};
const FREE_TEXT = '';

interface Props {
  caseRecord: CaseDetail;
  kind: ComposeKind;
  onClose: () => void;
}

/** Subject and body filled from a template for this case (nothing when free text is chosen). */
function useTemplateStart(
  caseId: string,
  kind: ComposeKind,
  templateKey: string,
  fill: (email: ComposedEmailPreview) => void,
  fail: (message: string) => void,
) {
  // The request depends only on what is chosen, not on the callbacks made afresh each render.
  const onFilled = useEffectEvent(fill);
  const onFailed = useEffectEvent(fail);
  useEffect(() => {
    if (templateKey === FREE_TEXT) return;
    let current = true;
    previewCaseEmail(caseId, kind, { templateKey }).then(
      (filled) => current && onFilled(filled),
      (error) => current && onFailed(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [caseId, kind, templateKey]);
}

/** What the server would queue for the current subject and body (debounced as staff type). */
function useCasePreview(caseId: string, kind: ComposeKind, subject: string, body: string) {
  const draft = useDebouncedValue(JSON.stringify({ subject, body }), 400);
  const [preview, setPreview] = useState<ComposedEmailPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { subject: s, body: b } = JSON.parse(draft) as { subject: string; body: string };
  const hasBody = !!b.trim();
  useEffect(() => {
    if (!hasBody) return;
    let current = true;
    previewCaseEmail(caseId, kind, { subject: s.trim() || undefined, body: b }).then(
      (rendered) => {
        if (!current) return;
        setPreview(rendered);
        setProblem(null);
      },
      (error) => current && setProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [caseId, kind, s, b, hasBody]);
  // With no body there is nothing to preview (the last preview is not shown).
  return { preview: hasBody ? preview : null, problem, setProblem };
}

/**
 * Compose a reply to the supporter or an email to the MP's office: start from a template (filled
 * from the case) or free text, edit, and see exactly what will be queued before sending.
 */
export const ComposeEmailDialog = ({ caseRecord, kind, onClose }: Props) => {
  const translate = useTranslate();
  const { data: templates = [] } = useGetList<EmailTemplateDto>('templates', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'key', order: 'ASC' },
  });
  const choices = templates.filter((t) => STARTING_TEMPLATES[kind].includes(t.key));
  const [templateKey, setTemplateKey] = useState<string>(kind);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const { preview, problem, setProblem } = useCasePreview(caseRecord.id, kind, subject, body);
  useTemplateStart(
    caseRecord.id,
    kind,
    templateKey,
    (filled) => {
      setSubject(filled.subject);
      setBody(filled.body);
    },
    setProblem,
  );
  const send = () =>
    sendCaseEmail(caseRecord.id, kind, {
      templateKey: templateKey || undefined,
      subject: subject.trim() || undefined,
      body,
    });

  return (
    <CaseActionDialog
      id="compose-email"
      title={translate(`${T}.${kind}.title`, { reference: caseRecord.reference })}
      submitLabel={translate(`${T}.send`)}
      onSubmit={send}
      successMessage={`${T}.${kind}.sent`}
      onClose={onClose}
      submitDisabled={!body.trim() || !!problem}
      maxWidth="md"
    >
      {(errors) => (
        <>
          <TextField
            select
            label={translate(`${T}.template`)}
            value={templateKey}
            onChange={(e) => setTemplateKey(e.target.value)}
          >
            <MenuItem value={FREE_TEXT}>{translate(`${T}.freeText`)}</MenuItem>
            {choices.map((t) => (
              <MenuItem key={t.key} value={t.key}>
                {t.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate(`${T}.subject`)}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            error={!!errors.subject}
            helperText={errors.subject}
          />
          <TextField
            label={translate(`${T}.body`)}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            multiline
            minRows={8}
            error={!!errors.body}
            helperText={errors.body}
          />
          <EmailPreviewBox
            title={translate(`${T}.preview`)}
            email={preview && { subject: preview.subject, text: preview.body }}
            empty={
              <Typography variant="body2" color="text.secondary">
                {translate(`${T}.noPreview`)}
              </Typography>
            }
            testIdPrefix="preview"
          />
          {problem && (
            <Alert severity="warning" role="alert">
              {problem}
            </Alert>
          )}
        </>
      )}
    </CaseActionDialog>
  );
};
