import { BooleanInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../shared/i18n/enumLabels';

/** A keyword rule: the phrase to look for, and the topic and/or urgency it suggests (the server needs one of them). */
export const TriageRuleInputs = () => {
  const topics = enumChoices('topic');
  const priorities = enumChoices('priority');
  return (
    <>
      <TextInput source="keyword" validate={required()} helperText="resources.triage-rules.help.keyword" fullWidth />
      <SelectInput
        source="topic"
        choices={topics}
        emptyText="resources.triage-rules.help.none"
        parse={(v: string) => v || null}
      />
      <SelectInput
        source="priority"
        choices={priorities}
        emptyText="resources.triage-rules.help.none"
        parse={(v: string) => v || null}
      />
      <BooleanInput source="active" />
    </>
  );
};
