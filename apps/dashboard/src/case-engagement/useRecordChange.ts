import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { messageOf } from '../shared/api-errors/apiErrors';

/** One quick change from the panel (no form): a notice either way, then the page's records reload. */
export function useRecordChange() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async (request: () => Promise<unknown>, doneMessage: string) => {
    setBusy(true);
    try {
      await request();
      notify(doneMessage, { type: 'info' });
    } catch (error) {
      notify(messageOf(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
    refresh();
  };
  return { busy, run };
}
