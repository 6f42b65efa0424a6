import { Create, SimpleForm } from 'react-admin';
import { EmailInput, NameInput, PasswordField, RoleInput } from './StaffUserInputs';

export const StaffUserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ role: 'caseworker' }} sx={{ maxWidth: 520 }}>
      <EmailInput />
      <NameInput />
      <RoleInput />
      <PasswordField />
    </SimpleForm>
  </Create>
);
