import { Injectable } from '@nestjs/common';
import type { DomainEventPayloads, SupporterDto } from '@campaign-desk/contracts';
import { OnDomainEvent } from '@campaign-desk/server-core';
import { SupportersService } from '@campaign-desk/server-supporters';
import type { EntityManager } from 'typeorm';
import { CasesRepository } from './cases.repository';

/** A supporter merge carries their cases to the surviving record, inside the merge's transaction. */
@Injectable()
export class SupporterMergeSubscriber {
  constructor(
    private readonly supporters: SupportersService,
    private readonly cases: CasesRepository,
  ) {}

  @OnDomainEvent('supporter.merged')
  async onMerged(event: DomainEventPayloads['supporter.merged'], tx: EntityManager): Promise<void> {
    const target = (await this.supporters.get(event.targetId, 'full')) as SupporterDto;
    await this.cases.moveSupporter(event.sourceId, event.targetId, target.name, target.email, tx);
  }
}
