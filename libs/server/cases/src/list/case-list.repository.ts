import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseListSql } from './case-list-sql';

/** A case list row as Postgres returns it (snake_case; bigint and sort key as text). */
export interface CaseListRow {
  id: string;
  reference: string;
  supporter_id: string;
  supporter_name: string;
  constituency_gss: string | null;
  nation: string | null;
  region: string | null;
  mp_id: number | null;
  mp_name: string | null;
  party: string | null;
  topics: string[];
  trust: string | null;
  priority: string;
  assignee_id: string | null;
  status: string;
  held_from_status: string | null;
  outcome: string | null;
  duplicate_of_id: string | null;
  first_response_due_at: Date | null;
  first_responded_at: Date | null;
  next_update_due_at: Date | null;
  sla_due_at: Date | null;
  status_changed_at: Date;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  sort_key: string;
}

/** Runs the list SQL built by buildCaseListSql: raw queries, no entity hydration, on the hot path. */
@Injectable()
export class CaseListRepository {
  constructor(private readonly dataSource: DataSource) {}

  page(sql: CaseListSql): Promise<CaseListRow[]> {
    return this.dataSource.query(sql.page.text, sql.page.values);
  }

  async cappedCount(sql: CaseListSql): Promise<number> {
    const [row] = (await this.dataSource.query(sql.cappedCount.text, sql.cappedCount.values)) as { n: number }[];
    return row.n;
  }

  /** The planner's row estimate for the matching rows (no rows are read). */
  async estimate(sql: CaseListSql): Promise<number> {
    const [row] = (await this.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql.matching.text}`, sql.matching.values)) as {
      'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }];
    }[];
    return Math.round(row['QUERY PLAN'][0].Plan['Plan Rows']);
  }
}
