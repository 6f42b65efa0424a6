import HowToVoteIcon from '@mui/icons-material/HowToVote';
import { ConstituencyList } from './ConstituencyList';
import { ConstituencyShow } from './ConstituencyShow';

/** Read-only: the directory import is the only writer. */
export const constituencies = {
  name: 'constituencies',
  list: ConstituencyList,
  show: ConstituencyShow,
  icon: HowToVoteIcon,
  recordRepresentation: 'name',
};
