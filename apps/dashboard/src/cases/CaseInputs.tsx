import { AutocompleteInput, CheckboxGroupInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { BY_NAME, priorityChoices, topicChoices } from './caseChoices';

/** Topics, priority, trust and story: the fields a case is created with and edited through PUT. */
export const CaseWorkInputs = () => (
  <>
    <CheckboxGroupInput source="topics" choices={topicChoices} validate={required()} />
    <SelectInput source="priority" choices={priorityChoices} validate={required()} />
    <TextInput source="trust" fullWidth />
    <TextInput source="summary" multiline minRows={4} fullWidth />
  </>
);

/** Overrides of where the case goes: the constituency (its MP follows) or the MP alone. */
export const CaseRoutingInputs = () => (
  <>
    <ReferenceInput source="constituencyId" reference="constituencies" sort={BY_NAME}>
      <AutocompleteInput
        optionText="name"
        filterToQuery={(q: string) => ({ q })}
        label="resources.cases.fields.constituencyId"
      />
    </ReferenceInput>
    <ReferenceInput source="mpId" reference="mps" sort={BY_NAME}>
      <AutocompleteInput
        optionText={(mp: { name: string; party: string }) => `${mp.name} (${mp.party})`}
        filterToQuery={(q: string) => ({ q })}
        label="resources.cases.fields.mpId"
      />
    </ReferenceInput>
  </>
);
