import { DataTable, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { MEETING_STATUSES, MEETING_TYPES, type MeetingDto } from '@campaign-desk/contracts';
import { CaseReferenceField, MpNameField, mpAndCaseFilters, openCaseOfRow } from '../shared/lists/engagementListParts';
import { formatLondonDateTime } from '../shared/time';

const Column = DataTable.Col<MeetingDto>;
const T = 'resources.meetings';

function useFilters() {
  const translate = useTranslate();
  const statuses = MEETING_STATUSES.map((id) => ({ id, name: translate(`engagement.meetingStatuses.${id}`) }));
  const types = MEETING_TYPES.map((id) => ({ id, name: translate(`engagement.meetingTypes.${id}`) }));
  return [
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
    <SelectInput key="type" source="type" choices={types} alwaysOn />,
    ...mpAndCaseFilters(T),
  ];
}

const openActions = (meeting: MeetingDto) => meeting.agreedActions.filter((a) => !a.doneAt).length;

/** Meetings and surgeries across cases, newest first, filtered by status, type, MP or case. */
export const MeetingList = () => {
  const translate = useTranslate();
  return (
    <List filters={useFilters()} sort={{ field: 'startsAt', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable rowClick={openCaseOfRow} bulkActionButtons={false}>
        <Column source="startsAt" render={(r) => formatLondonDateTime(r.startsAt)} />
        <Column source="caseId" disableSort>
          <CaseReferenceField />
        </Column>
        <Column source="mpId" disableSort>
          <MpNameField />
        </Column>
        <Column source="type" disableSort render={(r) => translate(`engagement.meetingTypes.${r.type}`)} />
        <Column source="status" disableSort render={(r) => translate(`engagement.meetingStatuses.${r.status}`)} />
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
