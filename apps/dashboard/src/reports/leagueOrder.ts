import type { MpEngagementRow } from '@campaign-desk/contracts';

/**
 * The league table's order: ranked groups by response rate (then by contacts), then those with too few contacts
 * to rank, by contacts. A re-ordering of the server's rows; every figure is the server's.
 */
export function leagueOrder(rows: readonly MpEngagementRow[]): MpEngagementRow[] {
  return [...rows].sort((a, b) => {
    if (a.tooFewToRank !== b.tooFewToRank) return a.tooFewToRank ? 1 : -1;
    if (!a.tooFewToRank && a.responseRate !== b.responseRate) return (b.responseRate ?? 0) - (a.responseRate ?? 0);
    return b.contacts - a.contacts || a.label.localeCompare(b.label, 'en-GB');
  });
}
