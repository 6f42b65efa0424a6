import type { DataProvider, GetListParams, GetListResult } from 'react-admin';
import { CASE_NEXT_CURSOR_HEADER, TOTAL_ESTIMATED_HEADER } from '@campaign-desk/contracts';

type FetchJson = (
  url: string,
  options?: { signal?: AbortSignal; headers?: Headers },
) => Promise<{ headers: Headers; json: unknown }>;

/** What a keyset list answers besides rows: the list context's `meta`. */
export interface KeysetListMeta {
  /** The server counted only up to a cap and answered the planner's estimate. */
  totalEstimated: boolean;
}

const MAX_REMEMBERED_LISTS = 50;

/**
 * The `X-Next-Cursor` of each page seen, per list (filter, sort and page size). Asking for page n
 * when page n-1's cursor is known sends it as `filter.after`, so the server reads by index instead
 * of skipping rows. Any other page (a jump, a new filter) falls back to the offset range.
 */
export class CursorMemory {
  private readonly lists = new Map<string, Map<number, string>>();

  static key(resource: string, params: GetListParams): string {
    const { after: _ignored, ...filter } = (params.filter ?? {}) as Record<string, unknown>;
    return JSON.stringify([resource, filter, params.sort, params.pagination?.perPage]);
  }

  /** The cursor that ends `page`, if that page was read. */
  after(key: string, page: number): string | undefined {
    return this.lists.get(key)?.get(page);
  }

  remember(key: string, page: number, cursor: string): void {
    const pages = this.lists.get(key) ?? new Map<number, string>();
    this.lists.delete(key); // re-inserted last: the oldest list is the first key
    this.lists.set(key, pages.set(page, cursor));
    if (this.lists.size > MAX_REMEMBERED_LISTS) this.lists.delete(this.lists.keys().next().value as string);
  }
}

function totalFrom(headers: Headers, resource: string): number {
  const range = headers.get('Content-Range');
  const total = range ? Number(range.split('/').pop()) : NaN;
  if (!Number.isFinite(total)) throw new Error(`The Content-Range header of ${resource} is missing or has no total`);
  return total;
}

/**
 * Wraps a simple-REST provider so `getList` on the given resources follows keyset cursors and
 * reports estimated totals in `meta`. The request is still the simple-REST one (sort, range, filter).
 */
export function withKeysetPages(
  base: DataProvider,
  fetchJson: FetchJson,
  resources: readonly string[],
  apiUrl = '/api',
): DataProvider {
  const memory = new CursorMemory();
  async function getKeysetList(resource: string, params: GetListParams): Promise<GetListResult> {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const { field, order } = params.sort ?? { field: 'id', order: 'ASC' };
    const key = CursorMemory.key(resource, params);
    const after = page > 1 ? memory.after(key, page - 1) : undefined;
    const filter = after ? { ...params.filter, after } : (params.filter ?? {});
    const [start, end] = [(page - 1) * perPage, page * perPage - 1];
    const query = new URLSearchParams({
      sort: JSON.stringify([field, order]),
      range: JSON.stringify([start, end]),
      filter: JSON.stringify(filter),
    });
    const { headers, json } = await fetchJson(`${apiUrl}/${resource}?${query}`, { signal: params.signal });
    const next = headers.get(CASE_NEXT_CURSOR_HEADER);
    if (next) memory.remember(key, page, next);
    const meta: KeysetListMeta = { totalEstimated: headers.get(TOTAL_ESTIMATED_HEADER) === 'true' };
    return { data: json as GetListResult['data'], total: totalFrom(headers, resource), meta };
  }
  return {
    ...base,
    getList: (resource, params) =>
      resources.includes(resource) ? getKeysetList(resource, params) : base.getList(resource, params),
  };
}
