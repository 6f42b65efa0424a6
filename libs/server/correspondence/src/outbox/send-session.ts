import type { EntityManager, QueryRunner } from 'typeorm';
import { ScheduledEmailEntity } from './scheduled-email.entity';

/** Advisory lock namespaces (second key: hashtext(id)). */
export const CASE_SEND_LOCK = 7306001;
export const ROW_SEND_LOCK = 7306002;

/**
 * One send, on one Postgres session, holding two advisory locks:
 *  - the row's lock, from before the claim until the outcome is recorded: a `sending` row whose
 *    lock nobody holds has lost its worker (Postgres ends a dead worker's session and its locks);
 *  - the case's lock, shared, from before the claim until the SMTP exchange is over. A change that
 *    must stop the case's emails (an MP response, closing, on hold) takes it exclusively, so it
 *    waits for a send in flight and no send starts after it. It is released before the outcome is
 *    recorded, so recording (which may wait on the case row that change holds) never deadlocks.
 */
export class SendSession {
  private caseId: string | null = null;

  constructor(private readonly runner: QueryRunner) {}

  /** This session's connection, for repository calls that must run on it. */
  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Takes the row's lock (waits while another worker sends it) and answers its status and case. */
  async lockRow(id: string): Promise<{ caseId: string; status: string; deliveryStarted: boolean } | null> {
    await this.runner.query(`SELECT pg_advisory_lock(${ROW_SEND_LOCK}, hashtext($1::text))`, [id]);
    const [row]: { case_id: string; status: string; started: boolean }[] = await this.runner.query(
      `SELECT case_id, status, delivery_started_at IS NOT NULL AS started FROM scheduled_emails WHERE id = $1`,
      [id],
    );
    return row ? { caseId: row.case_id, status: row.status, deliveryStarted: row.started } : null;
  }

  /** Shared send lock of the case: waits while a change to the case holds it. */
  async lockCase(caseId: string): Promise<void> {
    await this.runner.query(`SELECT pg_advisory_lock_shared(${CASE_SEND_LOCK}, hashtext($1::text))`, [caseId]);
    this.caseId = caseId;
  }

  async unlockCase(): Promise<void> {
    if (!this.caseId) return;
    await this.runner.query(`SELECT pg_advisory_unlock_shared(${CASE_SEND_LOCK}, hashtext($1::text))`, [this.caseId]);
    this.caseId = null;
  }

  /** scheduled → sending, once: whoever's UPDATE matches owns this attempt. Not before it is due. */
  async claim(id: string): Promise<ScheduledEmailEntity | { notDueUntil: Date } | null> {
    const rows: { id: string }[] = await this.runner.query(
      `UPDATE scheduled_emails SET status = 'sending', attempts = attempts + 1, claimed_at = now(), delivery_started_at = NULL, updated_at = now()
       WHERE id = $1 AND status = 'scheduled' AND due_at <= now() + interval '1 second'
       RETURNING id`,
      [id],
    );
    if (rows.length) return this.runner.manager.findOneByOrFail(ScheduledEmailEntity, { id });
    const [row]: { status: string; due_at: Date }[] = await this.runner.query(
      `SELECT status, due_at FROM scheduled_emails WHERE id = $1`,
      [id],
    );
    return row?.status === 'scheduled' ? { notDueUntil: row.due_at } : null;
  }

  /** The point of no return, committed before the message's end is released to the SMTP connection. */
  async markDeliveryStarted(id: string): Promise<void> {
    const result: [unknown, number] = await this.runner.query(
      `UPDATE scheduled_emails SET delivery_started_at = now(), updated_at = now() WHERE id = $1 AND status = 'sending'`,
      [id],
    );
    if (result[1] !== 1) throw new Error('the outbox row is no longer being sent');
  }

  /** Changes a row this session is sending. */
  async update(id: string, changes: Partial<ScheduledEmailEntity>): Promise<void> {
    await this.runner.manager.update(
      ScheduledEmailEntity,
      { id, status: 'sending' },
      { ...changes, updatedAt: new Date() },
    );
  }

  /** Records the outcome with whatever else must commit with it (the outbound message). */
  async transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    await this.runner.startTransaction();
    try {
      const result = await fn(this.runner.manager);
      await this.runner.commitTransaction();
      return result;
    } catch (error) {
      await this.runner.rollbackTransaction();
      throw error;
    }
  }

  /** Unlocks and returns the connection (a connection whose queries fail is broken, and its session and locks with it). */
  async close(): Promise<void> {
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
      await this.runner.query(`SELECT pg_advisory_unlock_all()`);
    } catch {
      // The session is gone: Postgres released its locks.
    } finally {
      await this.runner.release().catch(() => undefined);
    }
  }
}
