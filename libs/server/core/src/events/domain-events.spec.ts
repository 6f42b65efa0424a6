import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import { DomainEvents, OnDomainEvent } from './domain-events';

describe('DomainEvents', () => {
  it('delivers a published event to every subscriber with the transaction manager', async () => {
    const seen: string[] = [];
    @Injectable()
    class Cancels {
      @OnDomainEvent('case.status_changed')
      async onStatus(payload: { caseId: string; to: string }, manager: EntityManager) {
        seen.push(`cancel ${payload.caseId} ${payload.to} ${String((manager as unknown as { tag: string }).tag)}`);
      }
    }
    @Injectable()
    class Counts {
      @OnDomainEvent('case.status_changed')
      async onStatus() {
        seen.push('count');
      }
      @OnDomainEvent('supporter.merged')
      async onMerge() {
        seen.push('merge');
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [DomainEvents, Cancels, Counts],
    }).compile();
    await moduleRef.init();
    const manager = { tag: 'tx' } as unknown as EntityManager;
    await moduleRef
      .get(DomainEvents)
      .publish('case.status_changed', { caseId: 'c1', from: 'awaiting_mp', to: 'closed', actorId: null }, manager);
    expect(seen.sort()).toEqual(['cancel c1 closed tx', 'count']);
    await moduleRef.close();
  });

  it('lets a failing subscriber fail the publish', async () => {
    @Injectable()
    class Fails {
      @OnDomainEvent('supporter.contact_paused')
      async on() {
        throw new Error('boom');
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [DomainEvents, Fails],
    }).compile();
    await moduleRef.init();
    await expect(
      moduleRef
        .get(DomainEvents)
        .publish(
          'supporter.contact_paused',
          { supporterId: 's', reason: 'on_hold', actorId: null },
          {} as EntityManager,
        ),
    ).rejects.toThrow('boom');
    await moduleRef.close();
  });

  it("lets a subscriber defer work until the publisher's transaction commits", async () => {
    const enqueued: string[] = [];
    @Injectable()
    class SchedulesEmail {
      constructor(private readonly events: DomainEvents) {}

      @OnDomainEvent('case.status_changed')
      async onStatus(payload: { caseId: string }, manager: EntityManager) {
        await this.events.afterCommit(manager, async () => void enqueued.push(payload.caseId));
      }
    }
    const dataSource = { subscribers: [] as EntitySubscriberInterface[] };
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [DomainEvents, SchedulesEmail, { provide: DataSource, useValue: dataSource }],
    }).compile();
    await moduleRef.init();
    const runner = { isTransactionActive: true } as unknown as QueryRunner;
    const tx = { queryRunner: runner } as EntityManager;
    await moduleRef
      .get(DomainEvents)
      .publish('case.status_changed', { caseId: 'c1', from: 'new', to: 'triaged', actorId: null }, tx);
    expect(enqueued).toEqual([]);
    // What TypeORM does on COMMIT: the runner leaves the transaction, then tells the data source's subscribers.
    Object.assign(runner, { isTransactionActive: false });
    for (const s of dataSource.subscribers) await s.afterTransactionCommit?.({ queryRunner: runner } as never);
    expect(enqueued).toEqual(['c1']);
    await moduleRef.close();
  });
});
