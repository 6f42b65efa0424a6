import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseEntity } from './case.entity';
import { CasesRepository } from './cases.repository';
import { UUID } from '@campaign-desk/server-core';

const REFERENCE = /^CD-?(\d{1,15})$/i;

/** Finds a case by id (or by reference, `CD-123`), answering 404 for anything else. */
@Injectable()
export class CaseLookup {
  constructor(private readonly cases: CasesRepository) {}

  async require(idOrReference: string): Promise<CaseEntity> {
    const found = await this.find(idOrReference);
    if (!found) throw new NotFoundException('Case not found');
    return found;
  }

  async find(idOrReference: string): Promise<CaseEntity | null> {
    if (UUID.test(idOrReference)) return this.cases.findById(idOrReference.toLowerCase());
    const reference = REFERENCE.exec(idOrReference);
    return reference ? this.cases.findByNumber(Number(reference[1])) : null;
  }

  /** Locks the case row for the rest of the transaction (serialises concurrent changes to one case). */
  async lock(tx: EntityManager, id: string): Promise<CaseEntity> {
    const found = UUID.test(id)
      ? (await this.cases.lockForUpdate(tx, [id.toLowerCase()])).get(id.toLowerCase())
      : undefined;
    if (!found) throw new NotFoundException('Case not found');
    return found;
  }
}
