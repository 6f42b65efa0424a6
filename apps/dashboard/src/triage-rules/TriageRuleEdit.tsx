import { Create, Edit, SimpleForm } from 'react-admin';
import { TriageRuleInputs } from './TriageRuleInputs';

export const TriageRuleEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <TriageRuleInputs />
    </SimpleForm>
  </Edit>
);

export const TriageRuleCreate = () => (
  <Create redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ active: true, topic: null, priority: null }}>
      <TriageRuleInputs />
    </SimpleForm>
  </Create>
);
