import { AutocompleteInput, Create, ReferenceInput, required, SimpleForm, type CreateProps } from 'react-admin';
import type { SupporterDto } from '@campaign-desk/contracts';
import { BY_NAME } from './caseChoices';
import { CaseWorkInputs } from './CaseInputs';
import { toCreatePayload } from './casePayload';

const describeSupporter = (s: SupporterDto) => [s.name, s.email, s.postcode].filter(Boolean).join(' · ');

/** A case by hand (cases from email are created in triage). `?source={"supporterId":…}` pre-fills the supporter. */
export const CaseCreate = (props: CreateProps) => (
  <Create {...props} redirect="show" transform={(values) => toCreatePayload(values)}>
    <SimpleForm defaultValues={{ priority: 'normal', topics: [] }} sx={{ maxWidth: 680 }}>
      <ReferenceInput source="supporterId" reference="supporters" sort={BY_NAME}>
        <AutocompleteInput
          optionText={describeSupporter}
          filterToQuery={(q: string) => ({ q })}
          validate={required()}
          label="resources.cases.fields.supporterId"
          fullWidth
        />
      </ReferenceInput>
      <CaseWorkInputs />
    </SimpleForm>
  </Create>
);
