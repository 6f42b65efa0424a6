import { Injectable } from '@nestjs/common';
import type { CaseFilterField, CaseListItem, CaseSortField, StaffActor } from '@campaign-desk/contracts';
import { Clock, type ListQuery } from '@campaign-desk/server-core';
import { DirectoryService } from '@campaign-desk/server-directory';
import { AuditService } from '@campaign-desk/server-audit';
import { listRowToItem } from '../cases/case.mapper';
import { CaseListRepository } from './case-list.repository';
import { encodeCursor } from './case-cursor';
import { toCaseListCriteria } from './case-list-criteria';
import { buildCaseListSql } from './case-list-sql';
import { CaseSearchRefresher } from './case-search-refresher';

/**
 * Totals up to this many are counted exactly (reading at most this many index entries or rows);
 * above it the planner's estimate is answered and marked as one. Forty pages of 25 are exact.
 */
export const EXACT_COUNT_CAP = 1_000;

export interface CaseListPage {
  rows: CaseListItem[];
  total: number;
  totalEstimated: boolean;
  /** The keyset cursor for the page after this one (null on the last page and for ranked search). */
  nextCursor: string | null;
}

/**
 * The total for Content-Range, reading as little as possible. The page runs beside the planner's
 * estimate (an EXPLAIN: no rows read). A page that is not full ends the list, so its total is
 * exact for free. A full page with an estimate over the cap answers the estimate, marked as one:
 * counting would read every match. Otherwise the matches are few and a count capped at
 * EXACT_COUNT_CAP + 1 rows settles it (still marked as an estimate if the planner was wrong).
 */
export async function resolveTotal(
  offset: number,
  limit: number,
  rows: number,
  estimate: number,
  cappedCount: () => Promise<number>,
): Promise<{ total: number; estimated: boolean }> {
  if (rows < limit && (rows > 0 || offset === 0)) return { total: offset + rows, estimated: false };
  if (estimate > EXACT_COUNT_CAP) return { total: Math.max(estimate, offset + rows), estimated: true };
  const counted = await cappedCount();
  if (counted <= EXACT_COUNT_CAP) return { total: counted, estimated: false };
  return { total: Math.max(estimate, EXACT_COUNT_CAP + 1, offset + rows), estimated: true };
}

/**
 * `GET /api/cases`: saved views, filters, ranked search, offset or keyset pages, and a total that
 * never means counting a million rows (resolveTotal).
 */
@Injectable()
export class CaseListService {
  constructor(
    private readonly clock: Clock,
    private readonly repo: CaseListRepository,
    private readonly directory: DirectoryService,
    private readonly search: CaseSearchRefresher,
    private readonly audit: AuditService,
  ) {}

  async list(
    query: ListQuery<CaseFilterField, CaseSortField>,
    sortGiven: boolean,
    reader: StaffActor,
  ): Promise<CaseListPage> {
    const user = reader.user;
    const now = this.clock.now();
    const criteria = toCaseListCriteria(query, sortGiven, user, now);
    if (criteria.search) await this.search.refreshStale();
    const sql = buildCaseListSql(criteria, EXACT_COUNT_CAP);
    const [rows, estimate] = await Promise.all([this.repo.page(sql), this.repo.estimate(sql)]);
    const { total, estimated } = await resolveTotal(criteria.offset, criteria.limit, rows.length, estimate, () =>
      this.repo.cappedCount(sql),
    );
    const last = rows[rows.length - 1];
    const nextCursor =
      last && rows.length === criteria.limit && !criteria.search
        ? encodeCursor(criteria.sort, last.sort_key, last.id)
        : null;
    const name = (gss: string) => this.directory.constituency(gss)?.summary.name ?? null;
    // One event names every case returned (staff see the supporters' names).
    await this.audit.recordRead(reader, {
      action: 'case.list_read',
      entityType: 'case',
      ids: rows.map((r) => r.id),
      redacted: user.role === 'viewer',
    });
    return {
      rows: rows.map((r) => listRowToItem(r, now, name, user.role !== 'viewer')),
      total,
      totalEstimated: estimated,
      nextCursor,
    };
  }
}
