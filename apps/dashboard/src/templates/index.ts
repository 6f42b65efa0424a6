import DescriptionIcon from '@mui/icons-material/Description';

/** Email templates, admins only (issue 6): placeholder until the editor lands. */
export const templates = {
  name: 'templates',
  icon: DescriptionIcon,
};
