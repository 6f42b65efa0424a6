import { BadRequestException } from '@nestjs/common';

/** A parsed react-admin simple-REST list request: `?sort=["f","ASC"]&range=[0,24]&filter={...}`. */
export interface ListQuery<F extends string = string, S extends string = string> {
  sort: { field: S; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filter: Partial<Record<F | 'q' | 'id', unknown>>;
}

export interface ListQuerySpec<F extends string, S extends string> {
  sortable: readonly S[];
  filterable: readonly F[];
  defaultSort: { field: S; order: 'ASC' | 'DESC' };
  maxPageSize?: number;
}

function parseJson(raw: unknown, field: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string')
    throw new BadRequestException({ message: `${field} must be a JSON string`, fields: { [field]: 'must be JSON' } });
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestException({ message: `${field} is not valid JSON`, fields: { [field]: 'is not valid JSON' } });
  }
}

function bad(field: string, message: string): never {
  throw new BadRequestException({ message: `${field} ${message}`, fields: { [field]: message } });
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

  const maxPage = spec.maxPageSize ?? 500;
  const rangeRaw = parseJson(query.range, 'range');
  let offset = 0;
  let limit = 25;
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isInteger(n) && n >= 0)) {
      bad('range', 'must be [start,end] with whole numbers');
    }
    const [start, end] = rangeRaw as [number, number];
    if (end < start) bad('range', 'end must not be before start');
    offset = start;
    limit = Math.min(end - start + 1, maxPage);
  }

  const filterRaw = parseJson(query.filter, 'filter') ?? {};
  if (typeof filterRaw !== 'object' || Array.isArray(filterRaw) || filterRaw === null)
    bad('filter', 'must be a JSON object');
  const allowed = new Set<string>([...spec.filterable, 'id']);
  for (const key of Object.keys(filterRaw)) {
    if (!allowed.has(key)) bad('filter', `cannot filter by "${key}" (allowed: ${[...allowed].join(', ')})`);
  }
  const filter = filterRaw as ListQuery<F, S>['filter'];
  if (
    filter.id !== undefined &&
    !(Array.isArray(filter.id) ? filter.id : [filter.id]).every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    bad('filter', 'id must be a value or a list of values');
  }
  return { sort, offset, limit, filter };
}

/** The Content-Range header ra-data-simple-rest reads for the total. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  const end = count === 0 ? offset : offset + count - 1;
  return `${resource} ${offset}-${end}/${total}`;
}
