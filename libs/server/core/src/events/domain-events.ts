import { Injectable, OnApplicationBootstrap, Optional, SetMetadata } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { DomainEventName, DomainEventPayloads } from '@campaign-desk/contracts';
import { AfterCommitHooks, type AfterCommitWork } from './after-commit';

const DOMAIN_EVENT_HANDLER = 'campaign-desk:domain-event-handler';

type Handler<K extends DomainEventName> = (payload: DomainEventPayloads[K], manager: EntityManager) => Promise<void>;

/**
 * Marks a provider method as a subscriber. It runs inside the publisher's transaction (the manager
 * it receives), so its writes commit or roll back with the change that caused them. What must
 * wait for the commit (enqueueing a job for a row it wrote) goes through `DomainEvents.afterCommit`.
 */
export const OnDomainEvent = (name: DomainEventName): MethodDecorator => SetMetadata(DOMAIN_EVENT_HANDLER, name);

/** Publishes typed domain events to the @OnDomainEvent methods of every provider in the process. */
@Injectable()
export class DomainEvents implements OnApplicationBootstrap {
  private readonly handlers = new Map<DomainEventName, Handler<DomainEventName>[]>();
  private readonly hooks = new AfterCommitHooks();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Optional() dataSource?: DataSource,
  ) {
    dataSource?.subscribers.push(this.hooks);
  }

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const fn = instance[method] as Handler<DomainEventName>;
        const name = this.reflector.get<DomainEventName>(DOMAIN_EVENT_HANDLER, fn);
        if (name) this.handlers.set(name, [...(this.handlers.get(name) ?? []), fn.bind(instance)]);
      }
    }
  }

  /** Runs every subscriber in turn, inside the caller's transaction; a failing subscriber fails the change. */
  async publish<K extends DomainEventName>(
    name: K,
    payload: DomainEventPayloads[K],
    manager: EntityManager,
  ): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await (handler as Handler<K>)(payload, manager);
  }

  /**
   * Runs `work` once the manager's transaction has committed, and never if it rolls back (outside
   * a transaction, at once). For a subscriber or publisher whose change needs a follow-up outside
   * Postgres, such as enqueueing the job of a row it wrote. A failure is logged, not thrown: the
   * change is already committed, and the reconcilers catch up.
   */
  afterCommit(manager: EntityManager, work: AfterCommitWork): Promise<void> {
    return this.hooks.register(manager, work);
  }
}
