import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box } from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { Button, useRefresh, useTranslate } from 'react-admin';
import { uploadEmlFiles, type UploadSummary } from './triageApi';

const PARSE_GRACE_MS = 2_000;

/** Staff upload of one or more .eml files; says how many were stored, already known, or refused and why. */
export const UploadEmlButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadSummary | null>(null);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (!files.length) return;
    setBusy(true);
    try {
      const summary = await uploadEmlFiles(files);
      setResult(summary);
      // Stored messages are parsed by the worker moments later: look again once it has had time.
      if (summary.stored) setTimeout(refresh, PARSE_GRACE_MS);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: 1 }}>
      <input
        ref={input}
        type="file"
        accept=".eml,message/rfc822"
        multiple
        hidden
        onChange={onChange}
        data-testid="eml-file-input"
      />
      <Button
        label={translate('triage.upload.button')}
        disabled={busy}
        onClick={() => input.current?.click()}
        startIcon={<UploadFileIcon />}
      />
      {result && (
        <Alert severity={result.rejected.length ? 'warning' : 'success'} onClose={() => setResult(null)} role="status">
          {translate('triage.upload.result', {
            stored: result.stored,
            duplicates: result.duplicates,
            rejected: result.rejected.length,
          })}
          {result.rejected.map((r) => (
            <div key={r.file}>{translate('triage.upload.rejected', r)}</div>
          ))}
        </Alert>
      )}
    </Box>
  );
};
