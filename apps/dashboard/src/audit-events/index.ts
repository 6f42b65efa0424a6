import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { AuditEventList } from './AuditEventList';

/** The audit log (registered for admins only in App.tsx; the API refuses everyone else too). */
export const auditEvents = {
  name: 'audit-events',
  list: AuditEventList,
  icon: ManageSearchIcon,
};
