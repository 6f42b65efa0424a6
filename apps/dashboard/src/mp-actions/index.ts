import GavelIcon from '@mui/icons-material/Gavel';
import { MpActionList } from './MpActionList';

/** What MPs did across cases (issue 7), with evidence; each is recorded on its case page. */
export const mpActions = {
  name: 'mp-actions',
  list: MpActionList,
  icon: GavelIcon,
};

export { mpActionsMessages } from './messages';
