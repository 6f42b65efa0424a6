import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { CaseEntity } from './case.entity';

export type NewCase = Omit<CaseEntity, 'id' | 'number' | 'reference'>;

/** Message text a case's search covers: subjects weigh more than bodies. */
export interface SearchMessageText {
  subject: string;
  text: string;
}

/** Cap on message text fed to a case's search vector, so one long thread cannot bloat the index. */
const SEARCH_TEXT_CAP = 20_000;

@Injectable()
export class CasesRepository {
  constructor(
    @InjectRepository(CaseEntity) private readonly repo: Repository<CaseEntity>,
    private readonly dataSource: DataSource,
  ) {}

  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(fn);
  }

  private target(tx?: EntityManager): Repository<CaseEntity> {
    return tx ? tx.getRepository(CaseEntity) : this.repo;
  }

  async insert(values: NewCase, tx: EntityManager): Promise<CaseEntity> {
    const result = await tx.insert(CaseEntity, values);
    const id = (result.identifiers[0] as { id: string }).id;
    return tx.getRepository(CaseEntity).findOneByOrFail({ id });
  }

  findById(id: string, tx?: EntityManager): Promise<CaseEntity | null> {
    return this.target(tx).findOneBy({ id });
  }

  findByNumber(number: number): Promise<CaseEntity | null> {
    return this.repo.findOneBy({ number: String(number) });
  }

  /** Locks the rows in id order (so two bulk changes cannot deadlock) and answers them by id. */
  async lockForUpdate(tx: EntityManager, ids: string[]): Promise<Map<string, CaseEntity>> {
    const rows = await tx
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where('c.id IN (:...ids)', { ids })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async update(id: string, changes: Partial<NewCase>, tx?: EntityManager): Promise<void> {
    await this.target(tx).update({ id }, changes);
  }

  /** Sets the message part of a case's search vector from these messages. */
  setSearchMessages(id: string, messages: SearchMessageText[], tx?: EntityManager): Promise<void> {
    return this.writeSearchMessages(id, messages, false, tx);
  }

  /** Adds messages (a duplicate's, moved in) to the message part of a case's search vector. */
  appendSearchMessages(id: string, messages: SearchMessageText[], tx?: EntityManager): Promise<void> {
    return this.writeSearchMessages(id, messages, true, tx);
  }

  private async writeSearchMessages(
    id: string,
    messages: SearchMessageText[],
    append: boolean,
    tx?: EntityManager,
  ): Promise<void> {
    let budget = SEARCH_TEXT_CAP;
    const subjects: string[] = [];
    const bodies: string[] = [];
    for (const m of messages) {
      subjects.push(m.subject.slice(0, 500));
      const body = m.text.slice(0, Math.max(0, budget));
      budget -= body.length;
      bodies.push(body);
    }
    const vector = `setweight(to_tsvector('simple', $2), 'C') || setweight(to_tsvector('simple', $3), 'D')`;
    await (tx ?? this.dataSource.manager).query(
      `UPDATE cases SET search_messages = ${append ? `search_messages || ${vector}` : vector} WHERE id = $1`,
      [id, subjects.join('\n'), bodies.join('\n')],
    );
  }

  /** Intake filed a new message into the case: its search vector is rebuilt before the next search. */
  async markSearchStale(id: string, at: Date, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE cases SET search_stale_at = coalesce(search_stale_at, $2) WHERE id = $1`, [id, at]);
  }

  async anySearchStale(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM cases WHERE search_stale_at IS NOT NULL LIMIT 1`,
    );
    return rows.length > 0;
  }

  /** Claims up to `limit` cases whose search is stale, skipping any another process is rebuilding. */
  async claimStaleSearch(tx: EntityManager, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM cases WHERE search_stale_at IS NOT NULL ORDER BY search_stale_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async clearSearchStale(ids: string[], tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE cases SET search_stale_at = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Open (not closed) cases per assignee. */
  async openCounts(assigneeIds: string[], tx?: EntityManager): Promise<Map<string, number>> {
    if (!assigneeIds.length) return new Map();
    const rows: { assignee_id: string; n: number }[] = await (tx ?? this.dataSource.manager).query(
      `SELECT assignee_id, count(*)::int AS n FROM cases WHERE assignee_id = ANY($1::uuid[]) AND status <> 'closed' GROUP BY assignee_id`,
      [assigneeIds],
    );
    return new Map(rows.map((r) => [r.assignee_id, r.n]));
  }

  /** The round-robin cursor, locked until the caller's transaction ends (serialises auto-assigning creators). */
  async lockAutoAssignCursor(tx: EntityManager): Promise<string | null> {
    const rows: { last_assignee_id: string | null }[] = await tx.query(
      `SELECT last_assignee_id FROM case_auto_assign_state WHERE id = 1 FOR UPDATE`,
    );
    return rows[0]?.last_assignee_id ?? null;
  }

  async setAutoAssignCursor(tx: EntityManager, assigneeId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE case_auto_assign_state SET last_assignee_id = $1, updated_at = $2 WHERE id = 1`, [
      assigneeId,
      at,
    ]);
  }

  /** A supporter merge: the cases move to the surviving supporter and take its name and email. */
  async moveSupporter(fromId: string, toId: string, name: string, email: string, tx: EntityManager): Promise<number> {
    const result = await tx
      .createQueryBuilder()
      .update(CaseEntity)
      .set({ supporterId: toId, supporterName: name, supporterEmail: email })
      .where('supporter_id = :fromId', { fromId })
      .execute();
    return result.affected ?? 0;
  }
}
