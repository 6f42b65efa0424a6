import PrivacyTipIcon from '@mui/icons-material/PrivacyTip';
import { SubjectAccessRequestCreate, SubjectAccessRequestEdit } from './SubjectAccessRequestEdit';
import { SubjectAccessRequestList } from './SubjectAccessRequestList';

/** The subject access requests tracker (registered for admins only in App.tsx). */
export const subjectAccessRequests = {
  name: 'subject-access-requests',
  list: SubjectAccessRequestList,
  create: SubjectAccessRequestCreate,
  edit: SubjectAccessRequestEdit,
  icon: PrivacyTipIcon,
};
