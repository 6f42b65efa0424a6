import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** `null` while there is nothing to show yet. */
  email: { subject: string; text: string } | null;
  /** Shown instead of the email while there is none. */
  empty?: ReactNode;
  testIdPrefix: string;
}

/** A rendered email as plain text (never the HTML): subject over body, in a shaded box. */
export const EmailPreviewBox = ({ title, email, empty, testIdPrefix }: Props) => (
  <Box
    component="section"
    aria-label={title}
    sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'action.hover' }}
  >
    <Typography variant="overline">{title}</Typography>
    {email ? (
      <>
        <Typography variant="subtitle2" data-testid={`${testIdPrefix}-subject`}>
          {email.subject}
        </Typography>
        <Typography
          variant="body2"
          component="pre"
          data-testid={`${testIdPrefix}-body`}
          sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, mt: 1 }}
        >
          {email.text}
        </Typography>
      </>
    ) : (
      empty
    )}
  </Box>
);
