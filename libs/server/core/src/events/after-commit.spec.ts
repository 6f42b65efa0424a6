import { Logger } from '@nestjs/common';
import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { AfterCommitHooks } from './after-commit';

/** Keeps a transaction's books the way TypeORM's query runner does, and tells the subscribers after each step. */
class FakeQueryRunner {
  isTransactionActive = false;
  transactionDepth = 0;
  readonly manager = { queryRunner: this } as unknown as EntityManager;

  constructor(private readonly subscribers: EntitySubscriberInterface[]) {}

  async startTransaction(): Promise<void> {
    this.isTransactionActive = true;
    this.transactionDepth += 1;
    for (const s of this.subscribers) await s.afterTransactionStart?.(this.event());
  }

  async commitTransaction(): Promise<void> {
    if (this.transactionDepth === 1) this.isTransactionActive = false;
    this.transactionDepth -= 1;
    for (const s of this.subscribers) await s.afterTransactionCommit?.(this.event() as TransactionCommitEvent);
  }

  async rollbackTransaction(): Promise<void> {
    if (this.transactionDepth === 1) this.isTransactionActive = false;
    this.transactionDepth -= 1;
    for (const s of this.subscribers) await s.afterTransactionRollback?.(this.event());
  }

  private event() {
    return { queryRunner: this as unknown as QueryRunner, manager: this.manager } as TransactionCommitEvent;
  }
}

describe('AfterCommitHooks', () => {
  let hooks: AfterCommitHooks;
  let runner: FakeQueryRunner;
  let ran: string[];
  const note = (label: string) => async () => void ran.push(label);

  beforeEach(() => {
    hooks = new AfterCommitHooks();
    runner = new FakeQueryRunner([hooks]);
    ran = [];
  });

  it('runs the work once the transaction commits, in the order it was registered', async () => {
    await runner.startTransaction();
    await hooks.register(runner.manager, note('first'));
    await hooks.register(runner.manager, note('second'));
    expect(ran).toEqual([]);
    await runner.commitTransaction();
    expect(ran).toEqual(['first', 'second']);
  });

  it('never runs the work of a transaction that rolls back', async () => {
    await runner.startTransaction();
    await hooks.register(runner.manager, note('rolled back'));
    await runner.rollbackTransaction();
    await runner.startTransaction();
    await runner.commitTransaction();
    expect(ran).toEqual([]);
  });

  it('drops the work of a savepoint rolled back, keeps a released one for the outer commit', async () => {
    await runner.startTransaction();
    await hooks.register(runner.manager, note('outer'));
    await runner.startTransaction();
    await hooks.register(runner.manager, note('released savepoint'));
    await runner.commitTransaction();
    await runner.startTransaction();
    await hooks.register(runner.manager, note('rolled-back savepoint'));
    await runner.rollbackTransaction();
    expect(ran).toEqual([]);
    await runner.commitTransaction();
    expect(ran).toEqual(['outer', 'released savepoint']);
  });

  it('drops a released savepoint with the outer transaction when that rolls back', async () => {
    await runner.startTransaction();
    await runner.startTransaction();
    await hooks.register(runner.manager, note('inner'));
    await runner.commitTransaction();
    await runner.rollbackTransaction();
    expect(ran).toEqual([]);
  });

  it('logs a failing piece of work without failing the commit, and runs the rest', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await runner.startTransaction();
      await hooks.register(runner.manager, async () => {
        throw new Error('Redis is down');
      });
      await hooks.register(runner.manager, note('after the failure'));
      await expect(runner.commitTransaction()).resolves.toBeUndefined();
      expect(ran).toEqual(['after the failure']);
      expect(warn).toHaveBeenCalledWith({ err: 'Redis is down' }, expect.stringContaining('reconciler'));
    } finally {
      warn.mockRestore();
    }
  });

  it('runs the work at once outside a transaction (the change is already committed)', async () => {
    await hooks.register(runner.manager, note('autocommit'));
    await hooks.register({} as EntityManager, note('no runner'));
    expect(ran).toEqual(['autocommit', 'no runner']);
  });
});
