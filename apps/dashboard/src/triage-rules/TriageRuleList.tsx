import { BooleanField, CreateButton, DataTable, List, SearchInput, TopToolbar, useTranslate } from 'react-admin';
import type { TriageRuleDto } from '@campaign-desk/contracts';

const Column = DataTable.Col<TriageRuleDto>;

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const TriageRuleList = () => {
  const translate = useTranslate();
  const label = (kind: 'topic' | 'priority', value: string | null) =>
    value ? translate(`resources.cases.${kind}.${value}`) : '—';
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
        <Column source="topic" disableSort render={(rule) => label('topic', rule.topic)} />
        <Column source="priority" disableSort render={(rule) => label('priority', rule.priority)} />
        <Column source="active" disableSort field={BooleanField} />
      </DataTable>
    </List>
  );
};
