import {
  email,
  maxLength,
  minLength,
  PasswordInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
} from 'react-admin';
import { PASSWORD_MIN_LENGTH, roleChoices } from './roles';

export const NameInput = () => <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />;

export const RoleInput = () => <SelectInput source="role" choices={roleChoices} validate={required()} />;

export const EmailInput = ({ readOnly = false }: { readOnly?: boolean }) => {
  const translate = useTranslate();
  return (
    <TextInput
      source="email"
      type="email"
      readOnly={readOnly}
      validate={readOnly ? undefined : [required(), email(), maxLength(320)]}
      helperText={readOnly ? translate('resources.staff-users.help.emailReadOnly') : undefined}
      fullWidth
    />
  );
};

/** On create the password is required; on edit it is an optional new one. */
export const PasswordField = ({ optional = false }: { optional?: boolean }) => {
  const translate = useTranslate();
  const lengthRule = minLength(PASSWORD_MIN_LENGTH);
  return (
    <PasswordInput
      source="password"
      label={optional ? 'resources.staff-users.fields.newPassword' : undefined}
      autoComplete="new-password"
      validate={optional ? [lengthRule, maxLength(1024)] : [required(), lengthRule, maxLength(1024)]}
      helperText={translate(
        optional ? 'resources.staff-users.help.newPasswordHelp' : 'resources.staff-users.help.passwordHelp',
        {
          min: PASSWORD_MIN_LENGTH,
        },
      )}
      fullWidth
    />
  );
};
