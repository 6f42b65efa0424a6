import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';

/**
 * Runs one case action (transition, assign): while it runs the buttons are disabled; on success the
 * record and timeline reload; a refusal shows the server's message (a 409 lists the allowed moves).
 */
export function useCaseAction() {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const run = async (
    action: () => Promise<unknown>,
    success: string,
    successArgs?: Record<string, unknown>,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      notify(success, { type: 'info', messageArgs: successArgs });
      refresh();
      return true;
    } catch (failure) {
      notify(failure instanceof Error && failure.message ? failure.message : 'ra.notification.http_error', {
        type: 'error',
      });
      refresh();
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
