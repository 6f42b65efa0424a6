import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled card on the reports page, with room for actions (a CSV download) beside the title. */
export const ReportSection = ({
  title,
  actions,
  testId,
  children,
}: {
  title: string;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) => (
  <Card variant="outlined" data-testid={testId}>
    <CardContent>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {actions}
      </Box>
      {children}
    </CardContent>
  </Card>
);
