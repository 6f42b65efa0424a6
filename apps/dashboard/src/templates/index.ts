import DescriptionIcon from '@mui/icons-material/Description';
import { TemplateEdit } from './TemplateEdit';
import { TemplateList } from './TemplateList';

/** Email templates, admins only (registered for admins in App.tsx; the API refuses edits by anyone else). */
export const templates = {
  name: 'templates',
  list: TemplateList,
  edit: TemplateEdit,
  icon: DescriptionIcon,
  recordRepresentation: 'name',
};

export { templatesMessages } from './messages';
