import BlockIcon from '@mui/icons-material/Block';
import ReportIcon from '@mui/icons-material/Report';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { markNotRequests, markSpam } from './triageApi';

/** Runs a bulk change on the selected inbox rows, then clears the selection and reloads list and counts. */
function useBulkChange() {
  const { selectedIds, onUnselectItems } = useListContext();
  const refresh = useRefresh();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (change: (ids: string[]) => Promise<{ done: number; failed: number }>, doneKey: string) => {
    setBusy(true);
    try {
      const { done, failed } = await change(selectedIds.map(String));
      notify(doneKey, { type: failed ? 'warning' : 'info', messageArgs: { smart_count: done } });
      if (failed) notify('triage.bulk.someFailed', { type: 'warning', messageArgs: { count: failed } });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      onUnselectItems();
      refresh();
    }
  };
  return { busy, run };
}

export const BulkSpamButton = () => {
  const translate = useTranslate();
  const { busy, run } = useBulkChange();
  const spam = (ids: string[]) =>
    markSpam(ids).then(({ updated }) => ({ done: updated.length, failed: ids.length - updated.length }));
  return (
    <Button
      label={translate('triage.bulk.spam')}
      disabled={busy}
      onClick={() => run(spam, 'triage.bulk.spamDone')}
      startIcon={<ReportIcon />}
    />
  );
};

export const BulkNotRequestButton = () => {
  const translate = useTranslate();
  const { busy, run } = useBulkChange();
  return (
    <Button
      label={translate('triage.bulk.notRequest')}
      disabled={busy}
      onClick={() => run(markNotRequests, 'triage.bulk.notRequestDone')}
      startIcon={<BlockIcon />}
    />
  );
};
