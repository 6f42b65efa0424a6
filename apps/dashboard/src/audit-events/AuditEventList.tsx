import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextInput,
  TopToolbar,
  useListContext,
  useNotify,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { AuditEventDto } from '@campaign-desk/contracts';
import { downloadCsv } from '../shared/downloads/downloadCsv';
import { LondonDateField } from '../shared/time/LondonDateField';
import { auditActionChoices, auditActionLabel } from './auditActions';

const filters = [
  <ReferenceInput
    key="actorId"
    source="actorId"
    reference="staff-users"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput optionText="name" label="resources.audit-events.fields.actorId" />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={auditActionChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" alwaysOn />,
  <DateInput key="at_gte" source="at_gte" alwaysOn />,
  <DateInput key="at_lte" source="at_lte" alwaysOn />,
  <TextInput key="entityType" source="entityType" />,
];

/** Exports what the filters select, written by the server (every matching event, not just this page). */
const ExportCsvButton = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const exportCsv = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}) });
      await downloadCsv(`/api/audit-events?${query.toString()}`, 'audit-log.csv');
    } catch (error) {
      notify('resources.audit-events.exportFailed', {
        type: 'error',
        messageArgs: { message: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={exportCsv} disabled={busy}>
      {translate('resources.audit-events.exportCsv')}
    </Button>
  );
};

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

const RecordLink = () => (
  <FunctionField<AuditEventDto>
    render={(e) => {
      if (!e.entityId) return '';
      const text = `${e.entityType ?? ''} ${e.entityId}`.trim();
      if (e.entityType === 'case') return <Link to={`/cases/${e.entityId}/show`}>{text}</Link>;
      if (e.entityType === 'supporter') return <Link to={`/supporters/${e.entityId}/show`}>{text}</Link>;
      return text;
    }}
  />
);

const Column = DataTable.Col<AuditEventDto>;

/** The audit log: who read or changed which record, and when (admins). */
export const AuditEventList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'at', order: 'DESC' }}
      perPage={50}
      exporter={false}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <Column source="at">
          <LondonDateField source="at" />
        </Column>
        <Column source="actorId" disableSort>
          <ReferenceField
            source="actorId"
            reference="staff-users"
            link={false}
            emptyText={translate('resources.audit-events.system')}
          />
        </Column>
        <Column source="action" disableSort>
          <FunctionField<AuditEventDto> render={(e) => auditActionLabel(e.action)} />
        </Column>
        <Column source="entityId" disableSort>
          <RecordLink />
        </Column>
        <Column source="ip" disableSort />
        <Column source="details" disableSort>
          <FunctionField<AuditEventDto>
            render={(e) => (Object.keys(e.details).length ? JSON.stringify(e.details) : '')}
          />
        </Column>
      </DataTable>
    </List>
  );
};
