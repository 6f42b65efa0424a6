import {
  AutocompleteInput,
  BooleanField,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  TextField,
  TopToolbar,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import type { SupporterDto } from '@campaign-desk/contracts';
import { CONSENTS } from './consents';
import { useCanEditSupporters } from './roles';
import { enumLabelKey } from '../shared/i18n/enumLabels';

const Column = DataTable.Col<SupporterDto>;

// Viewers see summaries only: no names, no search and no consents to filter on.
function supporterFilters(canEdit: boolean, translate: TranslateFunction) {
  return [
    ...(canEdit ? [<SearchInput key="q" source="q" alwaysOn placeholder="Search name, email, postcode" />] : []),
    <ReferenceInput
      key="constituencyId"
      source="constituencyId"
      reference="constituencies"
      label="Constituency"
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="Constituency" />
    </ReferenceInput>,
    <NullableBooleanInput key="onHold" source="onHold" label="On hold" />,
    ...(canEdit
      ? CONSENTS.map(({ filter, label }) => (
          <NullableBooleanInput
            key={filter}
            source={filter}
            label={translate('resources.supporters.consentFilter', { consent: translate(label) })}
          />
        ))
      : []),
  ];
}

const ListActions = ({ canEdit }: { canEdit: boolean }) => (
  <TopToolbar>
    <FilterButton />
    {canEdit && <CreateButton />}
  </TopToolbar>
);

export const SupporterList = () => {
  const canEdit = useCanEditSupporters();
  const translate = useTranslate();
  return (
    <List
      filters={supporterFilters(canEdit, translate)}
      actions={<ListActions canEdit={canEdit} />}
      sort={canEdit ? { field: 'name', order: 'ASC' } : { field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column
          source="name"
          disableSort={!canEdit}
          render={(record) => record.name ?? translate(enumLabelKey('correspondentRole', 'supporter'))}
        />
        {canEdit && <Column source="email" />}
        {canEdit && <Column source="postcode" />}
        <Column source="constituencyId" label="Constituency" disableSort>
          <TextField source="constituency.name" emptyText="—" />
        </Column>
        <Column source="mp" label="MP" disableSort>
          <TextField source="mp.name" emptyText="—" />
        </Column>
        <Column source="onHold" label="On hold" disableSort field={BooleanField} />
      </DataTable>
    </List>
  );
};
