import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';

/** Writes to a case's timeline (a note, an edit): notifies, reloads the timeline, and shows the server's refusal (e.g. the 403 of a late edit). */
export function useTimelineWrite(caseId: string) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const write = async (request: () => Promise<unknown>, successMessage: string): Promise<boolean> => {
    setSaving(true);
    try {
      await request();
      notify(successMessage, { type: 'info' });
      await queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
      return true;
    } catch (failure) {
      notify(failure instanceof Error ? failure.message : String(failure), { type: 'error' });
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, write };
}
