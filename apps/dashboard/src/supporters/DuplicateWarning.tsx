import { Alert, AlertTitle, Box } from '@mui/material';
import { Link } from 'react-router-dom';
import { SaveButton } from 'react-admin';
import type { DuplicateMatch } from './duplicates';
import { toCreatePayload } from './supporterPayload';

const MATCHED_ON: Record<DuplicateMatch['matchedOn'], string> = {
  email: 'the same email address',
  name_and_postcode: 'the same name and postcode',
};

/** Shown in the create form after a 409: open the existing record, or save this one anyway. */
export const DuplicateWarning = ({ duplicate }: { duplicate: DuplicateMatch }) => (
  <Alert severity="warning" role="alert" data-testid="duplicate-warning" sx={{ mb: 2, width: '100%', maxWidth: 640 }}>
    <AlertTitle>This supporter may already exist</AlertTitle>
    {MATCHED_ON[duplicate.matchedOn]
      ? `A supporter with ${MATCHED_ON[duplicate.matchedOn]} is already recorded.`
      : duplicate.message}{' '}
    <Link to={`/supporters/${encodeURIComponent(duplicate.existingId)}/show`}>Open the existing supporter</Link> to
    update it instead, or create a separate record if this really is a different person.
    <Box sx={{ mt: 1 }}>
      <SaveButton
        type="button"
        label="Create anyway"
        variant="outlined"
        color="warning"
        alwaysEnable
        transform={(values) => toCreatePayload(values, true)}
      />
    </Box>
  </Alert>
);
