import { Typography } from '@mui/material';

/**
 * PLACEHOLDER: the attributions and licences of the UK Parliament data (constituencies, MPs)
 * and any other imported data set go here. To be filled in with the directory import work.
 */
export const DataLicences = () => (
  <Typography variant="body2" color="text.secondary" data-testid="data-licences-placeholder">
    Attributions for the constituency and MP data will be listed here.
  </Typography>
);
