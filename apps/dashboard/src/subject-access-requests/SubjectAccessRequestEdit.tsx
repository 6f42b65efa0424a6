import { Create, Edit, SimpleForm } from 'react-admin';
import { SubjectAccessRequestInputs } from './SubjectAccessRequestInputs';

export const SubjectAccessRequestEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <SubjectAccessRequestInputs />
    </SimpleForm>
  </Edit>
);

export const SubjectAccessRequestCreate = () => (
  <Create redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ status: 'received' }}>
      <SubjectAccessRequestInputs create />
    </SimpleForm>
  </Create>
);
