import type { LookupMethod } from '@campaign-desk/contracts';

/** "How it was found", in words staff understand. */
export const LOOKUP_METHOD_LABELS: Record<LookupMethod, string> = {
  exact: 'Exact postcode match',
  sector: 'By postcode sector (the full postcode is not in the directory)',
  district: 'By postcode district (outward code only)',
  online: 'Online lookup (postcodes.io)',
  not_covered: 'Not covered offline: choose the seat',
};

export function lookupMethodLabel(method: LookupMethod | null | undefined): string {
  return method ? (LOOKUP_METHOD_LABELS[method] ?? method) : 'Not looked up';
}

/** 0.734 → "73%"; tiny shares are shown as "<1%" rather than a misleading 0%. */
export function formatShare(share: number | null): string {
  if (share === null) return '';
  if (share > 0 && share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}
