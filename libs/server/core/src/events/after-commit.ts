import { Logger } from '@nestjs/common';
import type {
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';

export type AfterCommitWork = () => Promise<unknown>;

interface Pending {
  work: AfterCommitWork;
  /** The savepoint depth it was registered at: rolling that savepoint back drops it. */
  depth: number;
}

/**
 * Work held per transaction until it commits, and dropped if it rolls back. A TypeORM subscriber
 * on the data source: TypeORM awaits it inside `commitTransaction`, so the work has run when the
 * caller's `transaction(...)` returns. The work is derived (enqueueing jobs for rows that are
 * already committed): a failure is logged and never fails the committed change, since the
 * reconcilers catch up.
 */
export class AfterCommitHooks implements EntitySubscriberInterface {
  private readonly logger = new Logger('AfterCommit');
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();
  /** How deep each runner is in transactions and savepoints (TypeORM keeps its own count protected). */
  private readonly depths = new WeakMap<QueryRunner, number>();

  /** Outside a transaction (autocommit) the change is already committed: the work runs now. */
  async register(manager: EntityManager, work: AfterCommitWork): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.run([work]);
    const list = this.pending.get(runner) ?? [];
    list.push({ work, depth: this.depths.get(runner) ?? 1 });
    this.pending.set(runner, list);
  }

  afterTransactionStart(event: TransactionStartEvent): void {
    this.depths.set(event.queryRunner, (this.depths.get(event.queryRunner) ?? 0) + 1);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    const depth = this.leave(runner);
    const list = this.pending.get(runner);
    if (!list) return;
    if (runner.isTransactionActive) {
      // A savepoint was released: its work now belongs to the enclosing transaction.
      for (const entry of list) entry.depth = Math.min(entry.depth, depth);
      return;
    }
    this.pending.delete(runner);
    await this.run(list.map((entry) => entry.work));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    const depth = this.leave(runner);
    const list = this.pending.get(runner);
    if (!list) return;
    const kept = runner.isTransactionActive ? list.filter((entry) => entry.depth <= depth) : [];
    if (kept.length) this.pending.set(runner, kept);
    else this.pending.delete(runner);
  }

  /** One level out (a savepoint, or the transaction itself); the depth the runner is left at. */
  private leave(runner: QueryRunner): number {
    const depth = runner.isTransactionActive ? Math.max(1, (this.depths.get(runner) ?? 1) - 1) : 0;
    if (depth) this.depths.set(runner, depth);
    else this.depths.delete(runner);
    return depth;
  }

  private async run(works: AfterCommitWork[]): Promise<void> {
    for (const work of works) {
      try {
        await work();
      } catch (error) {
        this.logger.warn({ err: (error as Error).message }, 'after-commit work failed; a reconciler will catch up');
      }
    }
  }
}
