import InfoIcon from '@mui/icons-material/Info';
import InboxIcon from '@mui/icons-material/Inbox';
import InsightsIcon from '@mui/icons-material/Insights';
import ViewListIcon from '@mui/icons-material/ViewList';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { Menu as RaMenu, usePermissions } from 'react-admin';

/** Home for everyone; admin-only entries only for admins (the API enforces the same rule). */
export const Menu = () => {
  const { permissions } = usePermissions<string>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="cd.menu.home" />
      {permissions !== 'viewer' && <RaMenu.Item to="/triage" primaryText="cd.menu.triage" leftIcon={<InboxIcon />} />}
      <RaMenu.ResourceItem name="cases" />
      <RaMenu.ResourceItem name="scheduled-emails" />
      <RaMenu.ResourceItem name="meetings" />
      <RaMenu.ResourceItem name="mp-actions" />
      <RaMenu.ResourceItem name="supporters" />
      <RaMenu.ResourceItem name="constituencies" />
      <RaMenu.ResourceItem name="mps" />
      <RaMenu.Item to="/reports" primaryText="cd.menu.reports" leftIcon={<InsightsIcon />} />
      {permissions === 'admin' && <RaMenu.ResourceItem name="staff-users" />}
      {permissions === 'admin' && <RaMenu.ResourceItem name="subject-access-requests" />}
      {permissions === 'admin' && <RaMenu.ResourceItem name="templates" />}
      {permissions === 'admin' && <RaMenu.ResourceItem name="audit-events" />}
      {permissions === 'admin' && (
        <RaMenu.Item to="/chase-plan" primaryText="chasePlan.title" leftIcon={<EventRepeatIcon />} />
      )}
      {/* The BullMQ board is served by the API outside the single-page app: a full page load. */}
      {permissions === 'admin' && (
        <RaMenu.Item to="/admin/queues" reloadDocument primaryText="cd.menu.queues" leftIcon={<ViewListIcon />} />
      )}
      <RaMenu.Item to="/about" primaryText="cd.menu.about" leftIcon={<InfoIcon />} />
    </RaMenu>
  );
};
