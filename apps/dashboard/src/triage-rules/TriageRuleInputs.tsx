import { BooleanInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { PRIORITIES, TOPICS } from '@campaign-desk/contracts';

/** A keyword rule: the phrase to look for, and the topic and/or urgency it suggests (the server needs one of them). */
export const TriageRuleInputs = () => {
  const translate = useTranslate();
  const topics = TOPICS.map((id) => ({ id, name: translate(`resources.cases.topic.${id}`) }));
  const priorities = PRIORITIES.map((id) => ({ id, name: translate(`resources.cases.priority.${id}`) }));
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
