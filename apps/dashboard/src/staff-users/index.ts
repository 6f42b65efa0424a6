import PeopleIcon from '@mui/icons-material/People';
import { StaffUserCreate } from './StaffUserCreate';
import { StaffUserEdit } from './StaffUserEdit';
import { StaffUserList } from './StaffUserList';

/** The staff-users resource, registered only for admins (see App.tsx). */
export const staffUsers = {
  name: 'staff-users',
  list: StaffUserList,
  create: StaffUserCreate,
  edit: StaffUserEdit,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
