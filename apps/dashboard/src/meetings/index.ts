import GroupsIcon from '@mui/icons-material/Groups';
import { MeetingList } from './MeetingList';

/** Meetings and surgeries with MPs across cases (issue 7); each is recorded and followed up on its case page. */
export const meetings = {
  name: 'meetings',
  list: MeetingList,
  icon: GroupsIcon,
};

export { meetingsMessages } from './messages';
