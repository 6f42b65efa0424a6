import {
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import type { MpDto } from '@campaign-desk/contracts';
import { nationChoices, regionChoices } from '../shared/directory/regions';
import { usePartyChoices } from '../shared/directory/usePartyChoices';
import { AddressFailingChip } from './MpAddressStatus';

const Column = DataTable.Col<MpDto>;

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

export const MpList = () => {
  const parties = usePartyChoices();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder="Search MP or constituency" />,
    <SelectInput key="party" source="party" choices={parties} />,
    <SelectInput key="nation" source="nation" choices={nationChoices} />,
    <SelectInput key="region" source="region" choices={regionChoices} />,
    <NullableBooleanInput key="current" source="current" label="Sitting MP" />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ current: true }}
      actions={<ListActions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="name" />
        <Column source="party" />
        <Column source="constituencyId" label="Constituency" disableSort>
          <TextField source="constituency.name" emptyText="No seat now" />
        </Column>
        <Column source="region" label="Region" disableSort>
          <TextField source="constituency.region" emptyText="—" />
        </Column>
        <Column source="email" disableSort>
          <TextField source="email" emptyText="—" /> <AddressFailingChip />
        </Column>
      </DataTable>
    </List>
  );
};
