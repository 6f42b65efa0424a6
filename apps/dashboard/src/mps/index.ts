import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { MpList } from './MpList';
import { MpShow } from './MpShow';

/** Read-only: the directory import is the only writer. */
export const mps = {
  name: 'mps',
  list: MpList,
  show: MpShow,
  icon: AccountBalanceIcon,
  recordRepresentation: 'name',
};
