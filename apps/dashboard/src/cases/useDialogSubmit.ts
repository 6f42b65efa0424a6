import { useState } from 'react';

/**
 * A dialog's confirm button: runs the request, keeps the dialog open with the server's message when
 * it is refused (the message names the field or lists what is allowed), and reports whether it worked.
 */
export function useDialogSubmit() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (request: () => Promise<unknown>): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await request();
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, submit, clearError: () => setError(null) };
}
