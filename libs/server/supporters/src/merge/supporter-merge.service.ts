import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { SupporterMergeResult, Actor } from '@campaign-desk/contracts';
import { Clock, DomainEvents, UUID } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { DirectoryService } from '@campaign-desk/server-directory';
import { consentChangesOf } from '../consents/consent-changes';
import { ConsentHistoryRepository } from '../consents/consent-history.repository';
import { richerFields } from './supporter-merge-fields';
import type { SupporterEntity } from '../supporters/supporter.entity';
import { toSupporterDto } from '../supporters/supporter.mapper';
import { SupportersRepository } from '../supporters/supporters.repository';
import { publishContactPaused } from '../supporters/supporters.service';

const targetError = (detail: string) =>
  new BadRequestException({ message: `targetId ${detail}`, fields: { targetId: detail } });

/**
 * Merges a duplicate (the source, `:id`) into the record that survives (the target). Every linked
 * record moves: the `supporter.merged` domain event runs each subscribing domain (cases, messages…)
 * inside this transaction, and if one fails the merge rolls back. The target takes the richer
 * fields, the source is soft-deleted with `merged_into_id`, and both records get an audit event.
 * Rows are locked; there is no un-merge, so a merge shows in the audit trail rather than being
 * silently reversed.
 */
@Injectable()
export class SupporterMergeService {
  constructor(
    private readonly repo: SupportersRepository,
    private readonly events: DomainEvents,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly consentRows: ConsentHistoryRepository,
  ) {}

  async merge(rawSourceId: string, rawTargetId: string, actor: Actor): Promise<SupporterMergeResult> {
    if (!UUID.test(rawSourceId)) throw new NotFoundException('Supporter not found');
    const [sourceId, targetId] = [rawSourceId.toLowerCase(), rawTargetId.toLowerCase()];
    if (sourceId === targetId)
      throw targetError('cannot be the supporter being merged: a record cannot merge into itself');
    await this.repo.transaction(async (tx) => {
      const rows = await this.repo.lockForUpdate(tx, [sourceId, targetId]);
      const source = rows.get(sourceId);
      const target = rows.get(targetId);
      if (!source) throw new NotFoundException('Supporter not found');
      if (source.deletedAt) {
        throw new BadRequestException({
          message: source.mergedIntoId ? 'This supporter was already merged' : 'This supporter has been deleted',
          mergedIntoId: source.mergedIntoId,
        });
      }
      this.checkTarget(target);
      await this.events.publish('supporter.merged', { sourceId, targetId, actorId: actor.id }, tx);
      const { changes, taken } = richerFields(target, source);
      if (Object.keys(changes).length) await this.repo.update(targetId, changes, tx);
      await this.consentRows.insertMany(
        tx,
        consentChangesOf(targetId, target, changes, { by: actor.id ?? null, at: this.clock.now() }),
      );
      await this.repo.update(sourceId, { deletedAt: this.clock.now(), mergedIntoId: targetId }, tx);
      await this.repo.repointMerged(tx, sourceId, targetId);
      const base = { actorId: actor.id, ip: actor.ip, entityType: 'supporter' };
      await this.audit.record(
        { ...base, action: 'supporter.merged_into', entityId: sourceId, details: { targetId } },
        tx,
      );
      await this.audit.record(
        { ...base, action: 'supporter.merged_from', entityId: targetId, details: { sourceId, fieldsTaken: taken } },
        tx,
      );
      await publishContactPaused(this.events, target, changes, actor, tx);
    });
    const target = await this.repo.findById(targetId);
    if (!target) throw new NotFoundException('Supporter not found');
    return { sourceId, targetId, target: toSupporterDto(target, this.directory) };
  }

  private checkTarget(target: SupporterEntity | undefined): asserts target is SupporterEntity {
    if (!target) throw targetError('is not a supporter');
    if (target.mergedIntoId)
      throw targetError(`was itself merged into ${target.mergedIntoId}: merge into that record instead`);
    if (target.deletedAt) throw targetError('is a deleted supporter');
  }
}
