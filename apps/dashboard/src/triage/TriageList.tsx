import RuleIcon from '@mui/icons-material/Rule';
import { Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Button, DataTable, List, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import type { MessageSummary } from '@campaign-desk/contracts';
import { BulkNotRequestButton, BulkSpamButton } from './BulkTriageButtons';
import { PriorityChip } from './PriorityChip';
import { fetchCounts } from './triageApi';
import { UploadEmlButton } from './UploadEmlButton';
import { LondonDateField } from '../shared/time/LondonDateField';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<MessageSummary>;

/** Totals from `GET /api/messages/counts`; react-admin's refresh invalidates this query too. */
export const TriageCounts = () => {
  const translate = useTranslate();
  const { data } = useQuery({ queryKey: ['messages', 'counts'], queryFn: fetchCounts });
  if (!data) return null;
  const by = data.byClassification;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="triage-counts">
      <Chip color="primary" label={translate('triage.counts.waiting', { smart_count: data.triage })} />
      <Chip variant="outlined" label={translate('triage.counts.autoReplies', { count: by.auto_reply ?? 0 })} />
      <Chip variant="outlined" label={translate('triage.counts.bounces', { count: by.bounce ?? 0 })} />
      <Chip variant="outlined" label={translate('triage.counts.spam', { count: by.spam ?? 0 })} />
    </Stack>
  );
};

const InboxActions = () => {
  const { permissions } = usePermissions<string>();
  return (
    <TopToolbar sx={{ alignItems: 'center', justifyContent: 'space-between', width: '100%' }}>
      <TriageCounts />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        {permissions === 'admin' && (
          <Button label="resources.triage-rules.name" component={Link} to="/triage-rules" startIcon={<RuleIcon />} />
        )}
        <UploadEmlButton />
      </Stack>
    </TopToolbar>
  );
};

const BulkActions = () => (
  <>
    <BulkNotRequestButton />
    <BulkSpamButton />
  </>
);

/** Name and address; viewers get neither, and see the sender's role ("supporter", "MP's office"…). */
const Sender = ({ record }: { record: MessageSummary }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2">
        {record.fromName || record.fromAddress || translate(enumLabelKey('correspondentRole', record.fromRole))}
      </Typography>
      {record.fromName && record.fromAddress && (
        <Typography variant="caption" color="text.secondary">
          {record.fromAddress}
        </Typography>
      )}
    </>
  );
};

const SubjectAndSnippet = ({ record }: { record: MessageSummary }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {record.subject || '—'}
    </Typography>
    <Typography variant="caption" color="text.secondary" sx={{ display: 'block', maxWidth: 560 }} noWrap>
      {record.snippet}
    </Typography>
  </>
);

/** Unthreaded requests nobody has triaged (`filter={"triage":true}`), newest first. */
export const TriageList = () => {
  const translate = useTranslate();
  return (
    <List
      resource="messages"
      title={translate('triage.title')}
      filter={{ triage: true }}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<InboxActions />}
      empty={false}
      storeKey="triage.inbox"
    >
      <DataTable
        rowClick={(id) => `/triage/${id}`}
        bulkActionButtons={<BulkActions />}
        empty={<Typography sx={{ p: 2 }}>{translate('triage.empty')}</Typography>}
      >
        <Column
          source="fromAddress"
          label="triage.fields.from"
          disableSort
          render={(record) => <Sender record={record} />}
        />
        <Column
          source="subject"
          label="triage.fields.subject"
          disableSort
          render={(record) => <SubjectAndSnippet record={record} />}
        />
        <Column source="receivedAt" label="triage.fields.receivedAt">
          <LondonDateField source="receivedAt" />
        </Column>
        <Column
          source="suggestedPriority"
          label="triage.fields.suggestedPriority"
          disableSort
          render={(record) => <PriorityChip priority={record.suggestedPriority} />}
        />
      </DataTable>
    </List>
  );
};
