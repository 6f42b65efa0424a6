import {
  CASE_STATUSES,
  CASE_VIEW_SORTS,
  CASE_VIEWS,
  NATIONS,
  PRIORITIES,
  TOPICS,
  type CaseFilterField,
  type CaseSortField,
  type CaseStatus,
  type CaseView,
  type Priority,
  type SessionUser,
  type Topic,
} from '@campaign-desk/contracts';
import {
  addCalendarDays,
  enumFilter,
  filterError,
  type ListQuery,
  londonDate,
  londonTime,
  positiveIntegersFilter,
  textFilter,
  textsFilter,
  uuidsFilter,
} from '@campaign-desk/server-core';
import { decodeCursor, type CaseCursor } from './case-cursor';

const GSS = /^[EWSN][0-9]{8}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A validated case list request: every value checked, every view turned into plain conditions. */
export interface CaseListCriteria {
  /** The filters contradict each other: the answer is empty. */
  nothing?: boolean;
  ids?: string[];
  statuses?: CaseStatus[];
  /** Cases in any status but closed. */
  openOnly?: boolean;
  assigneeIds?: string[];
  unassigned?: boolean;
  priorities?: Priority[];
  topics?: Topic[];
  nations?: string[];
  regions?: string[];
  constituencyIds?: string[];
  mpIds?: number[];
  parties?: string[];
  supporterIds?: string[];
  createdFrom?: Date;
  createdBefore?: Date;
  /** SLA due before this instant (the overdue view). */
  slaDueBefore?: Date;
  statusChangedBefore?: Date;
  statusChangedFrom?: Date;
  search?: CaseSearch;
  sort: { field: CaseSortField; order: 'ASC' | 'DESC' };
  after?: CaseCursor;
  offset: number;
  limit: number;
}

export interface CaseSearch {
  /** `to_tsquery('simple', …)` text: prefix terms joined with AND. */
  tsquery: string;
  /** The case number when the text is a reference (`CD-123`, `cd123`, `123`): that case ranks first. */
  number: number | null;
}

function fail(key: string, detail: string): never {
  throw filterError(key, detail);
}

/** A London date (`2026-11-01`, the start of that day) or an ISO instant. */
function instant(key: string, value: unknown, endOfDay: boolean): Date {
  if (typeof value !== 'string') fail(key, 'must be a date like 2026-11-01 or an ISO timestamp');
  if (DATE.test(value)) {
    if (addCalendarDays(value, 0) !== value) fail(key, 'is not a real date');
    return londonTime(endOfDay ? addCalendarDays(value, 1) : value);
  }
  const parsed = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(parsed.getTime()))
    fail(key, 'must be a date like 2026-11-01 or an ISO timestamp');
  return parsed;
}

/**
 * `term:*` prefix terms (letters and digits only, so the tsquery is always well formed); viewers match
 * the reference only (weight A): a name search would tell them who is a supporter.
 */
export function caseSearch(q: string, referenceOnly: boolean): CaseSearch | null {
  const terms = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  if (!terms.length) return null;
  const weights = referenceOnly ? 'A' : '';
  const reference = /^\s*(?:cd[-\s]?)?(\d{1,15})\s*$/i.exec(q);
  // A reference searches by its number alone: "cd" is in every case's vector and would match them all.
  const searched = reference ? [reference[1]] : terms;
  return {
    tsquery: searched.map((t) => `${t}:*${weights}`).join(' & '),
    number: reference ? Number(reference[1]) : null,
  };
}

/** London midnight at the start of the month `now` falls in. */
function startOfLondonMonth(now: Date): Date {
  return londonTime(`${londonDate(now).slice(0, 8)}01`);
}

function applyView(view: CaseView, c: CaseListCriteria, user: SessionUser, now: Date): void {
  switch (view) {
    case 'mine':
      // "Mine" and an assignee filter for someone else leave nothing.
      if (c.unassigned || (c.assigneeIds && !c.assigneeIds.includes(user.id))) c.nothing = true;
      c.assigneeIds = [user.id];
      c.openOnly = true;
      break;
    case 'unassigned':
      if (c.assigneeIds) c.nothing = true;
      c.unassigned = true;
      c.openOnly = true;
      break;
    case 'overdue':
      c.slaDueBefore = now;
      break;
    case 'awaiting_mp_21d':
      c.statuses = intersect(c.statuses, ['awaiting_mp']);
      c.statusChangedBefore = new Date(now.getTime() - 21 * 86_400_000);
      break;
    case 'on_hold':
      c.statuses = intersect(c.statuses, ['on_hold']);
      break;
    case 'closed_this_month':
      c.statuses = intersect(c.statuses, ['closed']);
      c.statusChangedFrom = startOfLondonMonth(now);
      break;
  }
}

/** A view's status and an explicit status filter both apply: what is left is their intersection (possibly nothing). */
function intersect(given: CaseStatus[] | undefined, view: CaseStatus[]): CaseStatus[] {
  return given ? view.filter((s) => given.includes(s)) : view;
}

/**
 * Validates a parsed list query for `GET /api/cases` and turns it into criteria. `sortGiven` is
 * false when the request named no sort, so a view's own sort applies.
 */
export function toCaseListCriteria(
  query: ListQuery<CaseFilterField, CaseSortField>,
  sortGiven: boolean,
  user: SessionUser,
  now: Date,
): CaseListCriteria {
  const f = query.filter;
  const c: CaseListCriteria = { sort: query.sort, offset: query.offset, limit: query.limit };
  c.ids = uuidsFilter(f, 'id');
  c.statuses = enumFilter(f, 'status', CASE_STATUSES);
  if (f.assigneeId === null) c.unassigned = true;
  else c.assigneeIds = uuidsFilter(f, 'assigneeId');
  c.priorities = enumFilter(f, 'priority', PRIORITIES);
  c.topics = enumFilter(f, 'topic', TOPICS);
  c.nations = enumFilter(f, 'nation', NATIONS);
  c.regions = textsFilter(f, 'region');
  c.constituencyIds = textsFilter(f, 'constituencyId', GSS, 'a GSS code like E14001290');
  c.mpIds = positiveIntegersFilter(f, 'mpId', 'MP member ids');
  c.parties = textsFilter(f, 'party');
  c.supporterIds = uuidsFilter(f, 'supporterId');
  if (f.createdFrom !== undefined) c.createdFrom = instant('createdFrom', f.createdFrom, false);
  if (f.createdTo !== undefined) c.createdBefore = instant('createdTo', f.createdTo, true);
  const q = textFilter(f, 'q');
  if (q) c.search = caseSearch(q, user.role === 'viewer') ?? undefined;
  if (f.view !== undefined) {
    const view = enumFilter(f, 'view', CASE_VIEWS) ?? [];
    if (view.length !== 1) fail('view', 'must be one view');
    applyView(view[0], c, user, now);
    if (!sortGiven) c.sort = { ...CASE_VIEW_SORTS[view[0]] };
  }
  if (f.after !== undefined) {
    if (c.search) fail('after', 'cannot be combined with q (search results are ranked, not keyset-paged)');
    c.after = decodeCursor(f.after, c.sort) ?? undefined;
    if (!c.after)
      fail('after', 'is not a cursor from this list and sort (use the X-Next-Cursor header of the previous page)');
  }
  return c;
}
