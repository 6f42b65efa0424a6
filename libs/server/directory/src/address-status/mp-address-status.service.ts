import { Injectable, NotFoundException } from '@nestjs/common';
import { actorOf, type MpDetailDto, type StaffActor } from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import type { EntityManager } from 'typeorm';
import { DirectoryService } from '../directory.service';
import { MpAddressStatusRepository } from './mp-address-status.repository';

/**
 * Contact quality (DESIGN §4 invariant 9): a hard bounce from an MP's address marks it failing, the
 * sender never writes to a failing address, and an admin clears the flag once the address is checked
 * (or an import brings a new address, which ends it by itself).
 */
@Injectable()
export class MpAddressStatusService {
  constructor(
    private readonly repo: MpAddressStatusRepository,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  /**
   * After a hard bounce from `address`, in the bounce's transaction: marks failing each MP whose
   * email it still is; answers the MPs this bounce marked (none when already failing or changed since).
   */
  async markFailing(tx: EntityManager, address: string, at: Date): Promise<number[]> {
    const marked = await this.repo.markFailing(tx, address, at);
    for (const mpId of marked)
      await this.audit.record(
        { actorId: null, action: 'mp.address_failing', entityType: 'mp', entityId: String(mpId), details: {} },
        tx,
      );
    return marked;
  }

  isFailing(mpId: number, tx?: EntityManager): Promise<boolean> {
    return this.repo.isFailing(mpId, tx);
  }

  async clear(id: string, staff: StaffActor): Promise<MpDetailDto> {
    const mpId = /^\d{1,9}$/.test(id) ? Number(id) : null;
    if (mpId === null || !(await this.repo.exists(mpId))) throw new NotFoundException('MP not found');
    await this.repo.transaction(async (tx) => {
      const cleared = await this.repo.clear(tx, mpId);
      const actor = actorOf(staff);
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'mp.address_cleared',
          entityType: 'mp',
          entityId: String(mpId),
          details: { wasFailing: cleared },
        },
        tx,
      );
    });
    return this.directory.getMp(String(mpId));
  }
}
