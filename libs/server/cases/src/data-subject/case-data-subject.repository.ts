import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ERASED_NAME, ERASED_TEXT } from '@campaign-desk/contracts';

/** The cases lib's rows about one supporter, for erasure and subject access (DESIGN §10.5). */
@Injectable()
export class CaseDataSubjectRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async caseIdsOf(supporterId: string, tx?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (tx ?? this.dataSource).query(
      `SELECT id FROM cases WHERE supporter_id = $1 ORDER BY number`,
      [supporterId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Removes the supporter's copies from their cases (name, email, story, search vectors) and the notes'
   * text. The rows, their dates, seat, MP, topics, status and outcome stay: the reports count them.
   */
  async erase(tx: EntityManager, caseIds: string[]): Promise<{ cases: number; notes: number }> {
    if (!caseIds.length) return { cases: 0, notes: 0 };
    const cases = await tx.query(
      `UPDATE cases SET supporter_name = $2, supporter_email = '', summary = NULL,
              search_messages = ''::tsvector, search_stale_at = NULL, updated_at = now()
       WHERE id = ANY($1::uuid[])`,
      [caseIds, ERASED_NAME],
    );
    const notes = await tx.query(`UPDATE case_notes SET body = $2 WHERE case_id = ANY($1::uuid[])`, [
      caseIds,
      ERASED_TEXT,
    ]);
    return { cases: affected(cases), notes: affected(notes) };
  }

  /** Every row of these cases the lib holds, as stored (subject access). */
  async rowsOf(caseIds: string[]): Promise<{ cases: unknown[]; notes: unknown[]; statusChanges: unknown[] }> {
    const q = (sql: string) => this.dataSource.query(sql, [caseIds]) as Promise<unknown[]>;
    const [cases, notes, statusChanges] = await Promise.all([
      q(`SELECT id, reference, supporter_name, supporter_email, constituency_gss, nation, region, mp_name, party,
                topics, trust, priority, status, outcome, summary, created_at, updated_at, closed_at
         FROM cases WHERE id = ANY($1::uuid[]) ORDER BY number`),
      q(`SELECT id, case_id, author_id, body, created_at, edited_at FROM case_notes
         WHERE case_id = ANY($1::uuid[]) ORDER BY created_at`),
      q(`SELECT case_id, from_status, to_status, outcome, actor_id, at FROM case_status_changes
         WHERE case_id = ANY($1::uuid[]) ORDER BY at`),
    ]);
    return { cases, notes, statusChanges };
  }
}

/** Rows an UPDATE touched, from TypeORM's raw `[rows, count]` answer. */
export function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
