import InfoIcon from '@mui/icons-material/Info';
import { Menu as RaMenu, usePermissions } from 'react-admin';

/** Home for everyone; admin-only entries only for admins (the API enforces the same rule). */
export const Menu = () => {
  const { permissions } = usePermissions<string>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="cd.menu.home" />
      <RaMenu.ResourceItem name="supporters" />
      <RaMenu.ResourceItem name="constituencies" />
      <RaMenu.ResourceItem name="mps" />
      {permissions === 'admin' && <RaMenu.ResourceItem name="staff-users" />}
      <RaMenu.Item to="/about" primaryText="cd.menu.about" leftIcon={<InfoIcon />} />
    </RaMenu>
  );
};
