import { DataTable, List, SelectInput, TextField, useTranslate } from 'react-admin';
import type { MeetingDto } from '@campaign-desk/contracts';
import { CaseReferenceField, MpNameField, mpAndCaseFilters, openCaseOfRow } from '../shared/lists/engagementListParts';
import { formatLondonDateTime } from '../shared/time';
import { enumChoices, enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<MeetingDto>;
const T = 'resources.meetings';

const filters = [
  <SelectInput key="status" source="status" choices={enumChoices('meetingStatus')} alwaysOn />,
  <SelectInput key="type" source="type" choices={enumChoices('meetingType')} alwaysOn />,
  ...mpAndCaseFilters(T),
];

const openActions = (meeting: MeetingDto) => meeting.agreedActions.filter((a) => !a.doneAt).length;

/** Meetings and surgeries across cases, newest first, filtered by status, type, MP or case. */
export const MeetingList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'startsAt', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable rowClick={openCaseOfRow} bulkActionButtons={false}>
        <Column source="startsAt" render={(r) => formatLondonDateTime(r.startsAt)} />
        <Column source="caseId" disableSort>
          <CaseReferenceField />
        </Column>
        <Column source="mpId" disableSort>
          <MpNameField />
        </Column>
        <Column source="type" disableSort render={(r) => translate(enumLabelKey('meetingType', r.type))} />
        <Column source="status" disableSort render={(r) => translate(enumLabelKey('meetingStatus', r.status))} />
        <Column source="location" disableSort>
          <TextField source="location" emptyText="—" />
        </Column>
        <Column
          source="agreedActions"
          disableSort
          render={(r) => translate(`${T}.openActions`, { open: openActions(r), total: r.agreedActions.length })}
        />
      </DataTable>
    </List>
  );
};
