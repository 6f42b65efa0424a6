import { BooleanInput, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import type { StaffUserDto } from '@campaign-desk/contracts';
import { EmailInput, NameInput, PasswordField, RoleInput } from './StaffUserInputs';

// The API's DELETE only deactivates, which the Active switch already does: no delete button here.
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** An empty "new password" means keep the current one: leave it out of the PUT. */
export function dropEmptyPassword(data: Partial<StaffUserDto> & { password?: string | null }) {
  const { password, ...rest } = data;
  return password ? { ...rest, password } : rest;
}

export const StaffUserEdit = () => (
  <Edit mutationMode="pessimistic" transform={dropEmptyPassword}>
    <SimpleForm toolbar={<EditToolbar />} sx={{ maxWidth: 520 }}>
      <EmailInput readOnly />
      <NameInput />
      <RoleInput />
      <BooleanInput source="active" />
      <PasswordField optional />
    </SimpleForm>
  </Edit>
);
