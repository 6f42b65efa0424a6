import { BooleanField, CreateButton, DataTable, List, SearchInput, TopToolbar, useTranslate } from 'react-admin';
import type { TriageRuleDto } from '@campaign-desk/contracts';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<TriageRuleDto>;

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const TriageRuleList = () => {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      sort={{ field: 'keyword', order: 'ASC' }}
      perPage={50}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <Column source="keyword" />
        <Column
          source="topic"
          disableSort
          render={(rule) => (rule.topic ? translate(enumLabelKey('topic', rule.topic)) : '—')}
        />
        <Column
          source="priority"
          disableSort
          render={(rule) => (rule.priority ? translate(enumLabelKey('priority', rule.priority)) : '—')}
        />
        <Column source="active" disableSort field={BooleanField} />
      </DataTable>
    </List>
  );
};
