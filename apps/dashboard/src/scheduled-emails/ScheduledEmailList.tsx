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
import { SCHEDULED_EMAIL_KINDS, SCHEDULED_EMAIL_STATUSES, type ScheduledEmailDto } from '@campaign-desk/contracts';
import { formatLondonDateTime, londonToIso } from '../shared/time';
import { ScheduledEmailActions } from './ScheduledEmailActions';
import { CancelReasonText, ScheduledEmailStatusChip } from './ScheduledEmailStatusChip';

const Column = DataTable.Col<ScheduledEmailDto>;
const T = 'resources.scheduled-emails';

// Date filters are whole London days: "from" is the start of the day, "until" its end.
const startOfDay = (value: string) => (value ? (londonToIso(value.slice(0, 10)) ?? value) : value);
const endOfDay = (value: string) => (value ? (londonToIso(`${value.slice(0, 10)}T23:59`) ?? value) : value);

function useFilters() {
  const translate = useTranslate();
  const kinds = SCHEDULED_EMAIL_KINDS.map((id) => ({ id, name: translate(`${T}.kinds.${id}`) }));
  const statuses = SCHEDULED_EMAIL_STATUSES.map((id) => ({ id, name: translate(`${T}.statuses.${id}`) }));
  return [
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={kinds} alwaysOn />,
    <DateInput key="dueAt_gte" source="dueAt_gte" parse={startOfDay} alwaysOn />,
    <DateInput key="dueAt_lte" source="dueAt_lte" parse={endOfDay} alwaysOn />,
    <ReferenceInput key="caseId" source="caseId" reference="cases" sort={{ field: 'createdAt', order: 'DESC' }}>
      <AutocompleteInput optionText="reference" filterToQuery={(q: string) => ({ q })} label={`${T}.fields.caseId`} />
    </ReferenceInput>,
  ];
}

// A row opens its case, where the email sits in the timeline beside what caused it.
const toCase: RowClickFunction = (_id, _resource, record) => `/cases/${(record as ScheduledEmailDto).caseId}/show`;

/** Every scheduled email across cases, soonest due first; the same actions as on the case page. */
export const ScheduledEmailList = () => {
  const translate = useTranslate();
  return (
    <List filters={useFilters()} sort={{ field: 'dueAt', order: 'ASC' }} perPage={25} exporter={false}>
      <DataTable rowClick={toCase} bulkActionButtons={false}>
        <Column source="caseId" disableSort>
          <ReferenceField source="caseId" reference="cases" link={false}>
            <TextField source="reference" />
          </ReferenceField>
        </Column>
        <Column source="kind" disableSort render={(r) => translate(`${T}.kinds.${r.kind}`)} />
        <Column source="recipientKind" disableSort render={(r) => translate(`${T}.recipients.${r.recipientKind}`)} />
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
