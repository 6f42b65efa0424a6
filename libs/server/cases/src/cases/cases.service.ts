import { Injectable, NotFoundException } from '@nestjs/common';
import type { CaseDetail, CreateCaseInput, SupporterDto, UpdateCaseInput, Actor } from '@campaign-desk/contracts';
import { Clock, fieldError } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { DirectoryService } from '@campaign-desk/server-directory';
import { MessagesService } from '@campaign-desk/server-intake';
import { SupportersService } from '@campaign-desk/server-supporters';
import type { EntityManager } from 'typeorm';
import { CaseAssignmentService } from '../assignment/case-assignment.service';
import { CaseLookup } from './case-lookup';
import { toCaseDetail } from './case.mapper';
import { CaseReader } from './cases.types';
import type { CaseEntity } from './case.entity';
import { CaseHistoryRepository } from '../history/case-history.repository';
import { CasesRepository, type NewCase } from './cases.repository';
import { CaseSlaPolicy } from '../sla/case-sla';

/** Where a case's constituency, nation, region and MP come from: a seat in the directory. */
type Seat = Pick<NewCase, 'constituencyGss' | 'nation' | 'region' | 'mpId' | 'mpName' | 'party'>;

/** Creating, reading and editing cases. Status and assignee change through their own services. */
@Injectable()
export class CasesService {
  constructor(
    private readonly clock: Clock,
    private readonly cases: CasesRepository,
    private readonly lookup: CaseLookup,
    private readonly history: CaseHistoryRepository,
    private readonly sla: CaseSlaPolicy,
    private readonly assignment: CaseAssignmentService,
    private readonly supporters: SupportersService,
    private readonly directory: DirectoryService,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateCaseInput, actor: Actor): Promise<CaseDetail> {
    const supporter = await this.liveSupporter(input.supporterId);
    const seat = this.seatOf(supporter.constituencyId);
    const now = this.clock.now();
    const id = await this.cases.transaction(async (tx) => {
      const assigneeId = await this.assignment.pickAutoAssignee(tx);
      const created = await this.cases.insert(
        {
          supporterId: supporter.id,
          supporterName: supporter.name,
          supporterEmail: supporter.email,
          ...seat,
          topics: [...new Set(input.topics)],
          trust: input.trust?.trim() || null,
          priority: input.priority,
          assigneeId,
          status: 'new',
          heldFromStatus: null,
          outcome: null,
          duplicateOfId: null,
          summary: input.summary?.trim() || null,
          ...this.sla.forNewCase(now, seat.nation),
          statusChangedAt: now,
          createdAt: now,
          updatedAt: now,
          closedAt: null,
        },
        tx,
      );
      await this.history.addStatusChange(
        {
          caseId: created.id,
          fromStatus: null,
          toStatus: 'new',
          outcome: null,
          duplicateOfId: null,
          actorId: actor.id,
          at: now,
        },
        tx,
      );
      let moved: string[] = [];
      if (input.messageId) {
        const result = await this.messages.moveIntoCase(
          input.messageId,
          { caseId: created.id, supporterId: supporter.id },
          tx,
        );
        moved = result.moved;
        await this.cases.setSearchMessages(created.id, result.texts, tx);
      }
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'case.created',
          entityType: 'case',
          entityId: created.id,
          details: {
            reference: created.reference,
            supporterId: supporter.id,
            messageId: input.messageId ?? null,
            messagesMoved: moved,
            assigneeId,
          },
        },
        tx,
      );
      if (assigneeId) await this.assignment.recordAutoAssignment(tx, created.id, assigneeId, now);
      return created.id;
    });
    return this.detail(await this.lookup.require(id), { readHealthDetails: true });
  }

  /** The case page. Every read is audited, whoever reads it; viewers get it without the story. */
  async get(idOrReference: string, reader: CaseReader): Promise<CaseDetail> {
    const found = await this.lookup.require(idOrReference);
    await this.audit.record({
      actorId: reader.user.id,
      ip: reader.ip,
      action: 'case.read',
      entityType: 'case',
      entityId: found.id,
      details: { redacted: !reader.readHealthDetails },
    });
    return this.detail(found, reader);
  }

  /**
   * The full case (health details included), for a caller whose own action is the audit record:
   * an action's answer, or another lib that needs the case to do its work. It writes no
   * `case.read` audit event, so never use it to show a case to someone; that is `get`.
   */
  async readDetailUnaudited(id: string): Promise<CaseDetail> {
    return this.detail(await this.lookup.require(id), { readHealthDetails: true });
  }

  async update(id: string, input: UpdateCaseInput, actor: Actor): Promise<CaseDetail> {
    const seatChange = await this.seatChange(input);
    await this.cases.transaction(async (tx) => {
      const current = await this.lookup.lock(tx, id);
      const changes: Partial<NewCase> = {};
      if (input.topics !== undefined) changes.topics = [...new Set(input.topics)];
      if (input.priority !== undefined) changes.priority = input.priority;
      if (input.trust !== undefined) changes.trust = input.trust?.trim() || null;
      if (input.summary !== undefined) changes.summary = input.summary?.trim() || null;
      if (seatChange) Object.assign(changes, seatChange);
      const fields = (Object.keys(changes) as (keyof NewCase)[]).filter(
        (k) => JSON.stringify(changes[k]) !== JSON.stringify(current[k]),
      );
      if (!fields.length) return;
      if (fields.includes('nation'))
        Object.assign(changes, this.sla.afterNationChange({ ...current, nation: changes.nation ?? null }));
      await this.refreshSupporterCopy(current, changes);
      await this.cases.update(current.id, { ...changes, updatedAt: this.clock.now() }, tx);
      await this.audit.record(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: 'case.updated',
          entityType: 'case',
          entityId: current.id,
          details: { fields },
        },
        tx,
      );
    });
    return this.readDetailUnaudited(id);
  }

  /**
   * For correspondence: the supporter was sent an update from the case at `at` (meets the first
   * response and restarts the next-update clock). Runs in the caller's transaction when given.
   */
  async recordSupporterUpdate(caseId: string, at: Date, tx?: EntityManager): Promise<void> {
    const run = async (manager: EntityManager) => {
      const current = await this.lookup.lock(manager, caseId);
      await this.cases.update(
        current.id,
        { ...this.sla.afterSupporterUpdate(current, at), updatedAt: this.clock.now() },
        manager,
      );
    };
    await (tx ? run(tx) : this.cases.transaction(run));
  }

  private async detail(c: CaseEntity, reader: Pick<CaseReader, 'readHealthDetails'>): Promise<CaseDetail> {
    const [supporter, assigneeName] = await Promise.all([
      this.supporters.get(c.supporterId, reader.readHealthDetails ? 'full' : 'summary').catch((e: unknown) => {
        if (e instanceof NotFoundException) return null;
        throw e;
      }),
      this.assignment.nameOf(c.assigneeId),
    ]);
    return toCaseDetail(c, {
      now: this.clock.now(),
      constituencyName: (gss) => this.directory.constituency(gss)?.summary.name ?? null,
      readHealthDetails: reader.readHealthDetails,
      supporter,
      assigneeName,
    });
  }

  /** The supporter's copy on the case (for lists and search) follows their record whenever the case is edited. */
  private async refreshSupporterCopy(current: CaseEntity, changes: Partial<NewCase>): Promise<void> {
    const supporter = (await this.supporters.get(current.supporterId, 'full').catch(() => null)) as SupporterDto | null;
    if (!supporter) return;
    if (supporter.name !== current.supporterName) changes.supporterName = supporter.name;
    if (supporter.email !== current.supporterEmail) changes.supporterEmail = supporter.email;
  }

  private async liveSupporter(id: string): Promise<SupporterDto> {
    let supporter: SupporterDto;
    try {
      supporter = (await this.supporters.get(id, 'full')) as SupporterDto;
    } catch (error) {
      if (error instanceof NotFoundException) throw fieldError('supporterId', 'is not a supporter');
      throw error;
    }
    if (supporter.mergedIntoId)
      throw fieldError('supporterId', `was merged into ${supporter.mergedIntoId}: open the case for that supporter`);
    if (supporter.deletedAt) throw fieldError('supporterId', 'is a deleted supporter');
    return supporter;
  }

  /** The constituency and its current MP, from the in-memory directory. */
  private seatOf(gss: string | null): Seat {
    const seat = gss ? this.directory.constituency(gss) : null;
    if (!seat) return { constituencyGss: null, nation: null, region: null, mpId: null, mpName: null, party: null };
    return {
      constituencyGss: seat.summary.id,
      nation: seat.summary.nation,
      region: seat.summary.region,
      mpId: seat.mp?.id ?? null,
      mpName: seat.mp?.name ?? null,
      party: seat.mp?.party ?? null,
    };
  }

  /** A new constituency brings its current MP, unless the request names the MP too. */
  private async seatChange(input: UpdateCaseInput): Promise<Partial<Seat> | null> {
    if (input.constituencyId === undefined && input.mpId === undefined) return null;
    const change: Partial<Seat> = {};
    if (input.constituencyId !== undefined) {
      if (input.constituencyId !== null && !this.directory.constituency(input.constituencyId))
        throw fieldError('constituencyId', 'is not a known constituency');
      Object.assign(change, this.seatOf(input.constituencyId));
    }
    if (input.mpId !== undefined) {
      if (input.mpId === null) Object.assign(change, { mpId: null, mpName: null, party: null });
      else {
        const mp = await this.directory.getMp(String(input.mpId)).catch((e: unknown) => {
          if (e instanceof NotFoundException) throw fieldError('mpId', 'is not a known MP');
          throw e;
        });
        Object.assign(change, { mpId: mp.id, mpName: mp.name, party: mp.party });
      }
    }
    return change;
  }
}
