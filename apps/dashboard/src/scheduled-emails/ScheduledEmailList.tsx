import {
  AutocompleteInput,
  DataTable,
  DateInput,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  useTranslate,
  type RowClickFunction,
} from 'react-admin';
import type { ScheduledEmailDto } from '@campaign-desk/contracts';
import { formatLondonDateTime, londonToIso } from '../shared/time';
import { ScheduledEmailActions } from './ScheduledEmailActions';
import { CancelReasonText, ScheduledEmailStatusChip } from './ScheduledEmailStatusChip';
import { enumChoices, enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<ScheduledEmailDto>;
const T = 'resources.scheduled-emails';

// Date filters are whole London days: "from" is the start of the day, "until" its end.
const startOfDay = (value: string) => (value ? (londonToIso(value.slice(0, 10)) ?? value) : value);
const endOfDay = (value: string) => (value ? (londonToIso(`${value.slice(0, 10)}T23:59`) ?? value) : value);

const filters = [
  <SelectInput key="status" source="status" choices={enumChoices('scheduledEmailStatus')} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('scheduledEmailKind')} alwaysOn />,
  <DateInput key="dueAt_gte" source="dueAt_gte" parse={startOfDay} alwaysOn />,
  <DateInput key="dueAt_lte" source="dueAt_lte" parse={endOfDay} alwaysOn />,
  <ReferenceInput key="caseId" source="caseId" reference="cases" sort={{ field: 'createdAt', order: 'DESC' }}>
    <AutocompleteInput optionText="reference" filterToQuery={(q: string) => ({ q })} label={`${T}.fields.caseId`} />
  </ReferenceInput>,
];

// A row opens its case, where the email sits in the timeline beside what caused it.
const toCase: RowClickFunction = (_id, _resource, record) => `/cases/${(record as ScheduledEmailDto).caseId}/show`;

/** Every scheduled email across cases, soonest due first; the same actions as on the case page. */
export const ScheduledEmailList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'dueAt', order: 'ASC' }} perPage={25} exporter={false}>
      <DataTable rowClick={toCase} bulkActionButtons={false}>
        <Column source="caseId" disableSort>
          <ReferenceField source="caseId" reference="cases" link={false}>
            <TextField source="reference" />
          </ReferenceField>
        </Column>
        <Column source="kind" disableSort render={(r) => translate(enumLabelKey('scheduledEmailKind', r.kind))} />
        <Column
          source="recipientKind"
          disableSort
          render={(r) => translate(enumLabelKey('recipientKind', r.recipientKind))}
        />
        <Column source="subject" disableSort>
          <TextField source="subject" emptyText="—" />
        </Column>
        <Column source="dueAt" render={(r) => formatLondonDateTime(r.dueAt)} />
        <Column source="status" disableSort>
          <FunctionField<ScheduledEmailDto> render={(r) => <ScheduledEmailStatusChip email={r} />} />
        </Column>
        <Column source="attempts" disableSort />
        <Column source="cancelReason" disableSort>
          <FunctionField<ScheduledEmailDto> render={(r) => <CancelReasonText email={r} />} />
        </Column>
        <Column source="lastError" disableSort>
          <TextField source="lastError" emptyText="" />
        </Column>
        <Column label=" " disableSort>
          <FunctionField<ScheduledEmailDto> render={(r) => <ScheduledEmailActions email={r} />} />
        </Column>
      </DataTable>
    </List>
  );
};
