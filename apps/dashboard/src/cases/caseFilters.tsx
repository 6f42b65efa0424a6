import { AutocompleteInput, DateInput, ReferenceInput, SearchInput, SelectInput } from 'react-admin';
import type { CaseAssigneeOption } from '@campaign-desk/contracts';
import { nationChoices, regionChoices } from '../shared/directory/regions';
import { BY_NAME, priorityChoices, statusChoices, topicChoices } from './caseChoices';

/** The list's filters; every one is a server-side filter in CASE_FILTER_FIELDS. */
export function caseFilters(options: {
  assignees: CaseAssigneeOption[];
  parties: { id: string; name: string }[];
  canWork: boolean;
  translate: (key: string) => string;
}) {
  const placeholder = options.translate(
    options.canWork ? 'resources.cases.search.staff' : 'resources.cases.search.viewer',
  );
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={placeholder} />,
    <SelectInput key="status" source="status" choices={statusChoices} />,
    ...(options.canWork
      ? [
          <SelectInput
            key="assigneeId"
            source="assigneeId"
            choices={options.assignees}
            optionText="name"
            translateChoice={false}
          />,
        ]
      : []),
    <SelectInput key="priority" source="priority" choices={priorityChoices} />,
    <SelectInput key="topic" source="topic" choices={topicChoices} />,
    <SelectInput key="nation" source="nation" choices={nationChoices} translateChoice={false} />,
    <SelectInput key="region" source="region" choices={regionChoices} translateChoice={false} />,
    <ReferenceInput key="constituencyId" source="constituencyId" reference="constituencies" sort={BY_NAME}>
      <AutocompleteInput
        optionText="name"
        filterToQuery={(q: string) => ({ q })}
        label="resources.cases.fields.constituencyId"
      />
    </ReferenceInput>,
    <ReferenceInput key="mpId" source="mpId" reference="mps" sort={BY_NAME}>
      <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="resources.cases.fields.mpId" />
    </ReferenceInput>,
    <SelectInput key="party" source="party" choices={options.parties} translateChoice={false} />,
    <DateInput key="createdFrom" source="createdFrom" />,
    <DateInput key="createdTo" source="createdTo" />,
  ];
}
