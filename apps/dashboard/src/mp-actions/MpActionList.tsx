import { DataTable, DateInput, List, SelectInput, TextField, useTranslate } from 'react-admin';
import type { MpActionDto } from '@campaign-desk/contracts';
import { EvidenceLink } from '../case-engagement';
import { CaseReferenceField, MpNameField, mpAndCaseFilters, openCaseOfRow } from '../shared/lists/engagementListParts';
import { formatLondonDate } from '../shared/time';
import { enumChoices, enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<MpActionDto>;
const T = 'resources.mp-actions';

const filters = [
  <SelectInput key="type" source="type" choices={enumChoices('mpActionType')} alwaysOn />,
  <DateInput key="dateFrom" source="dateFrom" alwaysOn />,
  <DateInput key="dateTo" source="dateTo" alwaysOn />,
  ...mpAndCaseFilters(T),
];

/** What MPs did across cases, newest first, with the evidence (opened in a new tab, without opener or referrer). */
export const MpActionList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'date', order: 'DESC' }} perPage={25} exporter={false}>
      <DataTable rowClick={openCaseOfRow} bulkActionButtons={false}>
        <Column source="date" render={(r) => formatLondonDate(r.date)} />
        <Column source="caseId" disableSort>
          <CaseReferenceField />
        </Column>
        <Column source="mpId" disableSort>
          <MpNameField />
        </Column>
        <Column source="type" disableSort render={(r) => translate(enumLabelKey('mpActionType', r.type))} />
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
