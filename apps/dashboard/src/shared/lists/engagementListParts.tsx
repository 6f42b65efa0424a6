import { AutocompleteInput, ReferenceField, ReferenceInput, TextField, type RowClickFunction } from 'react-admin';

/** Filters shared by the lists of engagement records across cases: the MP and the case (`labels` is the resource's i18n prefix). */
export const mpAndCaseFilters = (labels: string) => [
  <ReferenceInput key="mpId" source="mpId" reference="mps" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label={`${labels}.fields.mpId`} />
  </ReferenceInput>,
  <ReferenceInput key="caseId" source="caseId" reference="cases" sort={{ field: 'createdAt', order: 'DESC' }}>
    <AutocompleteInput
      optionText="reference"
      filterToQuery={(q: string) => ({ q })}
      label={`${labels}.fields.caseId`}
    />
  </ReferenceInput>,
];

/** The record's case, by reference. */
export const CaseReferenceField = () => (
  <ReferenceField source="caseId" reference="cases" link={false}>
    <TextField source="reference" />
  </ReferenceField>
);

/** The record's MP, by name. */
export const MpNameField = () => <ReferenceField source="mpId" reference="mps" link={false} emptyText="—" />;

/** A row opens its case, where the record was made and is followed up. */
export const openCaseOfRow: RowClickFunction = (_id, _resource, record) => `/cases/${record.caseId as string}/show`;
