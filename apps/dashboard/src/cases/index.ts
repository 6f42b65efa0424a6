import WorkIcon from '@mui/icons-material/Work';
import { CaseCreate } from './CaseCreate';
import { CaseEdit } from './CaseEdit';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

/** The cases resource (issue 5): saved-view list, case page with workflow and timeline, create and edit. */
export const cases = {
  name: 'cases',
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  edit: CaseEdit,
  icon: WorkIcon,
  recordRepresentation: 'reference',
};

/** For viewers: list and case page only (the API refuses their writes too). */
export const casesReadOnly = { ...cases, create: undefined, edit: undefined };
