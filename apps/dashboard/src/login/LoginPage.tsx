import { Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin';

/**
 * Sign-in with an email address (react-admin's default form asks for a "username").
 * LoginForm shows the API's message on failure: "Email or password is incorrect", or the 429 wait.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="h6" component="h1" align="center">
        {translate('cd.title')}
      </Typography>
      <Typography variant="body2" align="center" color="text.secondary">
        {translate('login.subtitle')}
      </Typography>
      <LoginForm>
        <TextInput autoFocus source="email" type="email" label="Email" autoComplete="username" validate={required()} />
        <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
      </LoginForm>
    </Login>
  );
};
