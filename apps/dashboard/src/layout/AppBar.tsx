import { Typography } from '@mui/material';
import { AppBar as RaAppBar, Logout, TitlePortal, UserMenu, useTranslate } from 'react-admin';

/** react-admin's app bar with the product name and a user menu holding "Sign out". */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar
      userMenu={
        <UserMenu>
          <Logout />
        </UserMenu>
      }
    >
      <Typography variant="h6" component="span" sx={{ mr: 2, whiteSpace: 'nowrap' }}>
        {translate('cd.title')}
      </Typography>
      <TitlePortal />
    </RaAppBar>
  );
};
