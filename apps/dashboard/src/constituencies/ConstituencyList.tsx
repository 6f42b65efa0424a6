import { DataTable, FilterButton, List, SearchInput, SelectInput, TextField, TopToolbar } from 'react-admin';
import type { ConstituencyDto } from '@campaign-desk/contracts';
import { usePartyChoices } from '../shared/directory/usePartyChoices';
import { nationChoices, regionChoices } from '../shared/directory/regions';

const Column = DataTable.Col<ConstituencyDto>;

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

export const ConstituencyList = () => {
  const parties = usePartyChoices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search seat, Welsh name, MP or GSS code" />,
    <SelectInput key="nation" source="nation" choices={nationChoices} />,
    <SelectInput key="region" source="region" choices={regionChoices} />,
    <SelectInput key="party" source="party" label="MP's party" choices={parties} />,
  ];
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="name" />
        <Column source="nation" />
        <Column source="region" />
        <Column source="mp" label="MP" disableSort>
          <TextField source="mp.name" emptyText="Vacant" />
        </Column>
        <Column source="party" label="Party" disableSort>
          <TextField source="mp.party" emptyText="—" />
        </Column>
      </DataTable>
    </List>
  );
};
