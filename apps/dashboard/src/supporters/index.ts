import Diversity3Icon from '@mui/icons-material/Diversity3';
import { SupporterCreate } from './SupporterCreate';
import { SupporterEdit } from './SupporterEdit';
import { SupporterList } from './SupporterList';
import { SupporterShow } from './SupporterShow';

/** The supporters resource; viewers get it without create and edit (see App.tsx). */
export const supporters = {
  name: 'supporters',
  list: SupporterList,
  show: SupporterShow,
  create: SupporterCreate,
  edit: SupporterEdit,
  icon: Diversity3Icon,
  recordRepresentation: 'name',
};

export const supportersReadOnly = { ...supporters, create: undefined, edit: undefined };
