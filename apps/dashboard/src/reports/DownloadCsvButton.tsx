import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { downloadReportCsv, type ReportParams, type ReportPath } from './reportsApi';

/** Saves a report table as CSV, fetched from the server with `Accept: text/csv` (the same numbers as the JSON). */
export const DownloadCsvButton = ({
  path,
  params,
  disabled,
}: {
  path: ReportPath;
  params?: ReportParams;
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadReportCsv(path, params);
    } catch (error) {
      notify('reports.downloadFailed', {
        type: 'error',
        messageArgs: { message: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      startIcon={<DownloadIcon />}
      onClick={download}
      disabled={disabled || busy}
      data-testid={`download-${path}`}
    >
      {translate('reports.downloadCsv')}
    </Button>
  );
};
