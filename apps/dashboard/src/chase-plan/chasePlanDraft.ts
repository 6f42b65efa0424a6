import type { ChasePlanSettings } from '@campaign-desk/contracts';

/** The settings form's text fields. */
export type Draft = Record<keyof ChasePlanSettings, string>;

export const toDraft = (s: ChasePlanSettings): Draft => ({
  checkinDays: String(s.checkinDays),
  reminderDays: String(s.reminderDays),
  mpChaseDays: s.mpChaseDays.join(', '),
  phoneTaskDays: String(s.phoneTaskDays),
});

/** The form's text as the API's numbers, or which field is not whole numbers of days. */
export function parseDraft(draft: Draft): ChasePlanSettings | { invalid: 'mpChaseDays' } {
  const parts = draft.mpChaseDays
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return { invalid: 'mpChaseDays' };
  return {
    checkinDays: Number(draft.checkinDays),
    reminderDays: Number(draft.reminderDays),
    mpChaseDays: parts.map(Number),
    phoneTaskDays: Number(draft.phoneTaskDays),
  };
}
