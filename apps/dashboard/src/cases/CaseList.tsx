import { Box, Typography } from '@mui/material';
import { CreateButton, DataTable, FilterButton, List, TopToolbar, useTranslate } from 'react-admin';
import type { CaseListItem } from '@campaign-desk/contracts';
import { usePartyChoices } from '../shared/directory/usePartyChoices';
import { BulkAssignButton } from './BulkAssignButton';
import { DueDate, PriorityLabel, StatusChip } from './CaseBits';
import { caseFilters } from './caseFilters';
import { formatLondonDateTime } from '../shared/time';
import { CaseListPagination } from './CaseListPagination';
import { CaseViewTabs } from './CaseViewTabs';
import { useCanWorkCases } from './roles';
import { useAssignees } from './useAssignees';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<CaseListItem>;

const ListActions = ({ canWork }: { canWork: boolean }) => (
  <TopToolbar>
    <FilterButton />
    {canWork && <CreateButton />}
  </TopToolbar>
);

const MpCell = ({ record }: { record: CaseListItem }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="body2">{record.mpName ?? translate('resources.cases.header.noMp')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {record.constituencyName ?? translate('resources.cases.header.noConstituency')}
      </Typography>
    </Box>
  );
};

/** Viewers cannot read the staff list: they see whether a case is assigned, not to whom. */
const AssigneeCell = ({
  record,
  nameOf,
}: {
  record: CaseListItem;
  nameOf: (id: string | null) => string | undefined;
}) => {
  const translate = useTranslate();
  if (!record.assigneeId) return <>{translate('resources.cases.header.unassigned')}</>;
  return <>{nameOf(record.assigneeId) ?? translate('resources.cases.header.assigned')}</>;
};

/** The case list: saved views as tabs, server-side filters and search, bulk assign, keyset pages. */
export const CaseList = () => {
  const canWork = useCanWorkCases();
  const { assignees, nameOf } = useAssignees();
  const parties = usePartyChoices();
  const translate = useTranslate();
  return (
    <List
      filters={caseFilters({ assignees, parties, canWork, translate })}
      actions={<ListActions canWork={canWork} />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      pagination={<CaseListPagination />}
      exporter={false}
    >
      <CaseViewTabs />
      <DataTable rowClick="show" bulkActionButtons={canWork ? <BulkAssignButton /> : false}>
        <Column source="reference" />
        <Column
          source="supporterName"
          disableSort
          render={(record) => record.supporterName ?? translate(enumLabelKey('correspondentRole', 'supporter'))}
        />
        <Column source="mp" disableSort render={(record) => <MpCell record={record} />} />
        <Column source="status" disableSort render={(record) => <StatusChip status={record.status} />} />
        <Column source="priority" render={(record) => <PriorityLabel priority={record.priority} />} />
        <Column source="assigneeId" disableSort render={(record) => <AssigneeCell record={record} nameOf={nameOf} />} />
        <Column source="slaDueAt" render={(record) => <DueDate at={record.slaDueAt} overdue={record.overdue} />} />
        <Column source="updatedAt" render={(record) => formatLondonDateTime(record.updatedAt) || '—'} />
      </DataTable>
    </List>
  );
};
