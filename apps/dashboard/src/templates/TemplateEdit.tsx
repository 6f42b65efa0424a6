import { Box, Chip, Stack, Tooltip, Typography } from '@mui/material';
import {
  Edit,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useNotify,
  useRecordContext,
  useRedirect,
  useTranslate,
} from 'react-admin';
import type { EmailTemplateDto } from '@campaign-desk/contracts';
import { TemplatePreview } from './TemplatePreview';

const T = 'resources.templates';

const Placeholders = () => {
  const translate = useTranslate();
  const record = useRecordContext<EmailTemplateDto>();
  if (!record) return null;
  return (
    <Box component="section" aria-label={translate(`${T}.placeholders`)}>
      <Typography variant="subtitle2">{translate(`${T}.placeholders`)}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate(`${T}.placeholdersHelp`)}
      </Typography>
      <Stack direction="row" useFlexGap spacing={0.5} sx={{ flexWrap: 'wrap', mt: 1 }}>
        {record.placeholders.map((p) => (
          <Tooltip key={p.name} title={p.description}>
            <Chip size="small" variant="outlined" label={`{{${p.name}}}`} />
          </Tooltip>
        ))}
      </Stack>
    </Box>
  );
};

const Heading = () => {
  const translate = useTranslate();
  const record = useRecordContext<EmailTemplateDto>();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="h6">{record.name}</Typography>
      <Typography variant="body2" color="text.secondary">
        {record.description}
      </Typography>
      <Typography variant="body2" data-testid="template-version" sx={{ mt: 1 }}>
        {translate(`${T}.versionHelp`, { version: record.version, next: record.version + 1 })}
      </Typography>
    </Box>
  );
};

const PreviewOfRecord = () => {
  const record = useRecordContext<EmailTemplateDto>();
  return record ? <TemplatePreview templateKey={record.key} /> : null;
};

// Templates are never deleted (each kind of email needs one): no delete button.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Edit a template's subject and body with its placeholders and a live preview; each save is a new version. */
export const TemplateEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Edit<EmailTemplateDto>
      mutationMode="pessimistic"
      transform={(data) => ({ subject: data.subject, body: data.body })}
      mutationOptions={{
        onSuccess: (saved: EmailTemplateDto) => {
          notify(`${T}.saved`, { type: 'info', messageArgs: { version: saved.version } });
          redirect('list', 'templates');
        },
      }}
    >
      <SimpleForm toolbar={<EditToolbar />}>
        <Heading />
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3, width: '100%', mt: 2 }}>
          <Box>
            <TextInput source="subject" validate={required()} fullWidth />
            <TextInput source="body" validate={required()} multiline minRows={14} fullWidth />
            <Placeholders />
          </Box>
          <PreviewOfRecord />
        </Box>
      </SimpleForm>
    </Edit>
  );
};
