import { fieldError } from './field-error';
import { findNulByte, NUL_BYTE_MESSAGE } from './nul-bytes';

/** A parsed react-admin simple-REST list request: `?sort=["f","ASC"]&range=[0,24]&filter={...}`. */
export interface ListQuery<F extends string = string, S extends string = string> {
  sort: { field: S; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filter: Partial<Record<F | 'q' | 'id', unknown>>;
}

/** react-admin's default page, and the largest page a list answers unless its spec says otherwise. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;

export interface ListQuerySpec<F extends string, S extends string> {
  sortable: readonly S[];
  filterable: readonly F[];
  defaultSort: { field: S; order: 'ASC' | 'DESC' };
  maxPageSize?: number;
  /** Filters where null is a value ("none", e.g. `assigneeId: null` for unassigned); elsewhere null is refused. */
  nullable?: readonly F[];
}

function parseJson(raw: unknown, field: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw fieldError(field, 'must be a JSON string');
  try {
    return JSON.parse(raw);
  } catch {
    throw fieldError(field, 'is not valid JSON');
  }
}

/** Beyond any list the API serves; a larger index is a malformed request, not a far page. */
const MAX_RANGE_INDEX = 10_000_000;

function bad(field: string, message: string): never {
  throw fieldError(field, message);
}

/** Parses and whitelists sort, range and filter; anything not allowed is a 400 naming it. */
export function parseListQuery<F extends string, S extends string>(
  query: Record<string, unknown>,
  spec: ListQuerySpec<F, S>,
): ListQuery<F, S> {
  const unknownParams = Object.keys(query).filter((k) => !['sort', 'range', 'filter'].includes(k));
  if (unknownParams.length) bad(unknownParams[0], 'is not a supported query parameter');

  const sortRaw = parseJson(query.sort, 'sort');
  let sort = spec.defaultSort;
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2) bad('sort', 'must be ["field","ASC"|"DESC"]');
    const [field, order] = sortRaw as [unknown, unknown];
    if (!spec.sortable.includes(field as S))
      bad('sort', `cannot sort by "${String(field)}" (allowed: ${spec.sortable.join(', ')})`);
    if (order !== 'ASC' && order !== 'DESC') bad('sort', 'order must be ASC or DESC');
    sort = { field: field as S, order };
  }

  const maxPage = spec.maxPageSize ?? MAX_PAGE_SIZE;
  const rangeRaw = parseJson(query.range, 'range');
  let offset = 0;
  let limit = DEFAULT_PAGE_SIZE;
  if (rangeRaw !== undefined) {
    const isIndex = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= MAX_RANGE_INDEX;
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every(isIndex)) {
      bad('range', `must be [start,end] with whole numbers from 0 to ${MAX_RANGE_INDEX}`);
    }
    const [start, end] = rangeRaw as [number, number];
    if (end < start) bad('range', 'end must not be before start');
    offset = start;
    limit = Math.min(end - start + 1, maxPage);
  }

  const filterJson = parseJson(query.filter, 'filter');
  const filterRaw = filterJson === undefined ? {} : filterJson;
  if (typeof filterRaw !== 'object' || Array.isArray(filterRaw) || filterRaw === null)
    bad('filter', 'must be a JSON object');
  const allowed = new Set<string>([...spec.filterable, 'id']);
  for (const [key, value] of Object.entries(filterRaw)) {
    if (!allowed.has(key)) bad('filter', `cannot filter by "${key}" (allowed: ${[...allowed].join(', ')})`);
    if (value === null && spec.nullable?.includes(key as F)) continue;
    checkFilterValue(key, value);
  }
  return { sort, offset, limit, filter: filterRaw as ListQuery<F, S>['filter'] };
}

const isScalar = (v: unknown) =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/**
 * A filter value is a value or a non-empty list of values (react-admin leaves empty ones out): anything else a
 * repository could only misread (`IN ()`, a null where clause, an object as a find operator).
 */
function checkFilterValue(key: string, value: unknown): void {
  if (value === null) bad('filter', `${key} must not be null`);
  if (Array.isArray(value) && value.length === 0) bad('filter', `${key} must not be an empty list`);
  if (!(Array.isArray(value) ? value : [value]).every(isScalar))
    bad('filter', `${key} must be a value or a list of values`);
  const nul = findNulByte(value, key);
  if (nul !== undefined) bad('filter', `${nul} ${NUL_BYTE_MESSAGE}`);
}

/** The Content-Range header ra-data-simple-rest reads for the total. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  const end = count === 0 ? offset : offset + count - 1;
  return `${resource} ${offset}-${end}/${total}`;
}
