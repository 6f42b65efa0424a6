import WorkIcon from '@mui/icons-material/Work';

/** The cases resource (issue 5): placeholder until the list and case page land. */
export const cases = {
  name: 'cases',
  icon: WorkIcon,
  recordRepresentation: 'reference',
};
