import { AUDIT_ACTIONS } from '@campaign-desk/contracts';

/**
 * Audit action codes (`case.read`) in words (`Case read`). The log is an admin's tool and its codes are
 * what an export carries, so the words are derived from the code rather than kept as a second list.
 */
export const auditActionLabel = (action: string): string => {
  const words = action.replace(/[._]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const auditActionChoices = AUDIT_ACTIONS.map((id) => ({ id, name: auditActionLabel(id) }));
