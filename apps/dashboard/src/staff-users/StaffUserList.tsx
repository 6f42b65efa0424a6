import {
  BooleanField,
  CreateButton,
  DataTable,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  FilterButton,
} from 'react-admin';
import type { StaffUserDto } from '@campaign-desk/contracts';
import { roleChoices } from './roles';
import { LondonDateField } from '../shared/time/LondonDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <NullableBooleanInput key="active" source="active" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const Column = DataTable.Col<StaffUserDto>;

export const StaffUserList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    exporter={false}
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="name" />
      <Column source="email" />
      <Column source="role">
        <SelectField source="role" choices={roleChoices} />
      </Column>
      <Column source="active" field={BooleanField} />
      <Column source="lastLoginAt">
        <LondonDateField source="lastLoginAt" emptyText="Never" />
      </Column>
    </DataTable>
  </List>
);
