/** 0.734 → "73%"; tiny shares are shown as "<1%" rather than a misleading 0%. */
export function formatShare(share: number | null): string {
  if (share === null) return '';
  if (share > 0 && share < 0.01) return '<1%';
  return `${Math.round(share * 100)}%`;
}
