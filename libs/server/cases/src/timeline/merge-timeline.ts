import type { TimelineEntry } from '@campaign-desk/contracts';

/** Newest first; entries at the same instant in a stable order (by id, descending). */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Merges each source's newest entries into one page. Every source was asked for offset + limit
 * entries, so the first offset + limit of the merge are exact.
 */
export function mergeTimeline(perSource: TimelineEntry[][], offset: number, limit: number): TimelineEntry[] {
  return perSource
    .flat()
    .sort(compareEntries)
    .slice(offset, offset + limit);
}
