import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ErasureDto, ErasureStatus, ErasureStep } from '@campaign-desk/contracts';

interface ErasureRow {
  id: string;
  supporter_id: string;
  reason: string;
  status: ErasureStatus;
  steps_done: ErasureStep[];
  counts: Record<string, number>;
  requested_by: string | null;
  requested_at: Date;
  completed_at: Date | null;
}

const toDto = (r: ErasureRow): ErasureDto => ({
  id: r.id,
  supporterId: r.supporter_id,
  reason: r.reason,
  status: r.status,
  stepsDone: r.steps_done,
  requestedById: r.requested_by,
  requestedAt: r.requested_at.toISOString(),
  completedAt: r.completed_at ? r.completed_at.toISOString() : null,
  counts: r.counts,
});

/** `supporter_erasures`: one row per erased supporter, with the steps done so far. */
@Injectable()
export class ErasureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  async findBySupporter(supporterId: string, tx?: EntityManager): Promise<ErasureDto | null> {
    const rows: ErasureRow[] = await (tx ?? this.dataSource).query(
      `SELECT * FROM supporter_erasures WHERE supporter_id = $1`,
      [supporterId],
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  /** The supporter's erasure, started now unless one exists (then that one, whatever its reason). */
  async start(supporterId: string, reason: string, requestedBy: string | null): Promise<ErasureDto> {
    await this.dataSource.query(
      `INSERT INTO supporter_erasures (supporter_id, reason, requested_by) VALUES ($1, $2, $3)
       ON CONFLICT (supporter_id) DO NOTHING`,
      [supporterId, reason, requestedBy],
    );
    const erasure = await this.findBySupporter(supporterId);
    if (!erasure) throw new Error('the erasure row vanished after its insert');
    return erasure;
  }

  /** Locks the erasure row for one step, so two calls at once run each step once. */
  async lock(tx: EntityManager, id: string): Promise<ErasureDto> {
    const rows: ErasureRow[] = await tx.query(`SELECT * FROM supporter_erasures WHERE id = $1 FOR UPDATE`, [id]);
    return toDto(rows[0]);
  }

  async markStepDone(
    tx: EntityManager,
    id: string,
    step: ErasureStep,
    counts: Record<string, number>,
    completed: boolean,
  ): Promise<void> {
    await tx.query(
      `UPDATE supporter_erasures SET steps_done = array_append(steps_done, $2), counts = counts || $3::jsonb,
              status = CASE WHEN $4 THEN 'completed' ELSE status END,
              completed_at = CASE WHEN $4 THEN now() ELSE completed_at END
       WHERE id = $1`,
      [id, step, JSON.stringify(counts), completed],
    );
  }
}
