import { DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, usePermissions } from 'react-admin';
import { SupporterInputs } from './SupporterInputs';
import { toSupporterPayload } from './supporterPayload';

// Only admins delete (a soft delete: the record leaves lists and duplicate checks).
const EditToolbar = () => {
  const { permissions } = usePermissions<string>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {permissions === 'admin' && <DeleteButton mutationMode="pessimistic" confirmTitle="Delete this supporter?" />}
    </Toolbar>
  );
};

export const SupporterEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={(values) => toSupporterPayload(values)}>
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 680 }}>
      <SupporterInputs />
    </SimpleForm>
  </Edit>
);
