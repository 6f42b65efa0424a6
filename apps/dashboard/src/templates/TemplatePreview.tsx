import { Alert } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { RenderedEmail } from '@campaign-desk/contracts';
import { useDebouncedValue } from '../shared/debounce/useDebouncedValue';
import { messageOf } from '../shared/api-errors/apiErrors';
import { EmailPreviewBox } from '../shared/email-preview/EmailPreviewBox';
import { previewTemplate } from './templateApi';

/** The form's unsaved subject and body rendered by the server on sample data, as the admin types. */
export const TemplatePreview = ({ templateKey }: { templateKey: string }) => {
  const translate = useTranslate();
  const subject = useWatch<{ subject: string }>({ name: 'subject' }) ?? '';
  const body = useWatch<{ body: string }>({ name: 'body' }) ?? '';
  const draft = useDebouncedValue(JSON.stringify({ subject, body }), 400);
  const [rendered, setRendered] = useState<RenderedEmail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const input = JSON.parse(draft) as { subject: string; body: string };
    let current = true;
    previewTemplate(templateKey, { subject: input.subject || undefined, body: input.body || undefined }).then(
      (result) => {
        if (!current) return;
        setRendered(result);
        setProblem(null);
      },
      (error: unknown) => current && setProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [templateKey, draft]);
  return (
    <div>
      {problem && (
        <Alert severity="error">{translate('resources.templates.previewFailed', { message: problem })}</Alert>
      )}
      <EmailPreviewBox
        title={translate('resources.templates.preview')}
        email={rendered}
        testIdPrefix="template-preview"
      />
    </div>
  );
};
