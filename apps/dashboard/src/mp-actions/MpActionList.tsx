import { DataTable, DateInput, List, SelectInput, TextField, useTranslate } from 'react-admin';
import { MP_ACTION_TYPES, type MpActionDto } from '@campaign-desk/contracts';
import { EvidenceLink } from '../case-engagement';
import { CaseReferenceField, MpNameField, mpAndCaseFilters, openCaseOfRow } from '../shared/lists/engagementListParts';
import { formatLondonDate } from '../shared/time';

const Column = DataTable.Col<MpActionDto>;
const T = 'resources.mp-actions';

function useFilters() {
  const translate = useTranslate();
  const types = MP_ACTION_TYPES.map((id) => ({ id, name: translate(`engagement.mpActionTypes.${id}`) }));
  return [
    <SelectInput key="type" source="type" choices={types} alwaysOn />,
    <DateInput key="dateFrom" source="dateFrom" alwaysOn />,
    <DateInput key="dateTo" source="dateTo" alwaysOn />,
    ...mpAndCaseFilters(T),
  ];
}

/** What MPs did across cases, newest first, with the evidence (opened in a new tab, without opener or referrer). */
export const MpActionList = () => {
  const translate = useTranslate();
  return (
    <List filters={useFilters()} sort={{ field: 'date', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable rowClick={openCaseOfRow} bulkActionButtons={false}>
        <Column source="date" render={(r) => formatLondonDate(r.date)} />
        <Column source="caseId" disableSort>
          <CaseReferenceField />
        </Column>
        <Column source="mpId" disableSort>
          <MpNameField />
        </Column>
        <Column source="type" disableSort render={(r) => translate(`engagement.mpActionTypes.${r.type}`)} />
        <Column source="summary" disableSort>
          <TextField source="summary" emptyText="—" />
        </Column>
        {/* The link opens the evidence, not the case behind the row. */}
        <Column
          source="evidenceUrl"
          disableSort
          render={(r) => (
            <span onClick={(e) => e.stopPropagation()}>
              <EvidenceLink url={r.evidenceUrl} />
            </span>
          )}
        />
      </DataTable>
    </List>
  );
};
