import { Injectable } from '@nestjs/common';
import type { DomainEventPayloads } from '@campaign-desk/contracts';
import { Clock, OnDomainEvent } from '@campaign-desk/server-core';
import type { EntityManager } from 'typeorm';
import { CasesRepository } from '../cases/cases.repository';

/** Worker side: a message threaded into a case marks the case's search stale. */
@Injectable()
export class CaseSearchStaleMarker {
  constructor(
    private readonly cases: CasesRepository,
    private readonly clock: Clock,
  ) {}

  @OnDomainEvent('message.received')
  async onMessage(event: DomainEventPayloads['message.received'], tx: EntityManager): Promise<void> {
    if (event.caseId) await this.cases.markSearchStale(event.caseId, this.clock.now(), tx);
  }
}
