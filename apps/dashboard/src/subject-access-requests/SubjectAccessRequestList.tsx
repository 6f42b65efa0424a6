import { Chip } from '@mui/material';
import { CreateButton, DataTable, List, ReferenceField, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import type { SubjectAccessRequestDto } from '@campaign-desk/contracts';
import { enumChoices, enumLabelKey } from '../shared/i18n/enumLabels';
import { formatLondonDate, formatLondonDateTime } from '../shared/time';
import { isOverdue } from './dueDate';

const Column = DataTable.Col<SubjectAccessRequestDto>;

const filters = [<SelectInput key="status" source="status" choices={enumChoices('subjectAccessStatus')} alwaysOn />];

/** Due dates first; an open request past its due date is highlighted. */
export const SubjectAccessRequestList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      sort={{ field: 'dueAt', order: 'ASC' }}
      perPage={50}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable
        rowClick="edit"
        bulkActionButtons={false}
        rowSx={(record) => (isOverdue(record) ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {})}
      >
        <Column source="supporterId" disableSort>
          <ReferenceField source="supporterId" reference="supporters" link="show" />
        </Column>
        <Column source="receivedAt" render={(r) => formatLondonDateTime(r.receivedAt)} />
        <Column
          source="dueAt"
          render={(r) => (
            <>
              {formatLondonDate(r.dueAt)}
              {isOverdue(r) && (
                <Chip
                  size="small"
                  color="error"
                  label={translate('resources.subject-access-requests.overdue')}
                  sx={{ ml: 1 }}
                />
              )}
            </>
          )}
        />
        <Column source="status" render={(r) => translate(enumLabelKey('subjectAccessStatus', r.status))} />
        <Column source="handledById" disableSort>
          <ReferenceField source="handledById" reference="staff-users" emptyText="—" />
        </Column>
      </DataTable>
    </List>
  );
};
