import { Alert, Skeleton } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Why a report could not be shown, in the server's words (a 400 names the field). */
export const ReportError = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert severity="error" role="alert">
      {translate('reports.loadFailed', { message })}
    </Alert>
  );
};

/** The shape of a table or chart while its figures load. */
export const ReportSkeleton = ({ height = 240 }: { height?: number }) => (
  <Skeleton variant="rectangular" height={height} data-testid="report-skeleton" sx={{ borderRadius: 1 }} />
);
