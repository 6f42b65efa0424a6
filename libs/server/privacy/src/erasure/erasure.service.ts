import { Injectable, Logger } from '@nestjs/common';
import { ERASURE_STEPS, type Actor, type ErasureDto, type ErasureStep } from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import { CaseDataSubjectService } from '@campaign-desk/server-cases';
import { Clock } from '@campaign-desk/server-core';
import { CorrespondenceDataSubjectService } from '@campaign-desk/server-correspondence';
import { EngagementDataSubjectService } from '@campaign-desk/server-engagement';
import { IntakeDataSubjectService } from '@campaign-desk/server-intake';
import { SupporterDataSubjectService, SupportersService } from '@campaign-desk/server-supporters';
import type { EntityManager } from 'typeorm';
import { ErasureRepository } from './erasure.repository';

type StepRunner = (tx: EntityManager, erasure: ErasureDto, actor: Actor) => Promise<Record<string, number>>;

/**
 * Erasure of a supporter (DESIGN §4 invariant 11, §10.5): every step commits on its own and is recorded on the
 * erasure row, so a crash leaves it resumable and a second call finishes it; a finished erasure answers the
 * same record. Mail stops first (a send in flight completes and is recorded before, or never starts), then
 * tombstones keep a redelivered or re-polled email out, then the personal and health text goes from every
 * lib's rows; rows, dates, seats and kinds stay, so report totals do not change. The supporter's own record
 * goes last: until then the steps can still find what to strip.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);
  private readonly steps: Record<ErasureStep, StepRunner>;

  constructor(
    private readonly repo: ErasureRepository,
    private readonly supporters: SupportersService,
    private readonly supporterData: SupporterDataSubjectService,
    private readonly cases: CaseDataSubjectService,
    private readonly intake: IntakeDataSubjectService,
    private readonly correspondence: CorrespondenceDataSubjectService,
    private readonly engagement: EngagementDataSubjectService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.steps = {
      cancel_mail: (tx, e, actor) => this.cancelMail(tx, e, actor),
      tombstone: (tx, e) => this.tombstone(tx, e),
      messages: (tx, e) => this.eraseMessages(tx, e),
      case_records: (tx, e) => this.eraseCaseRecords(tx, e),
      audit_details: (tx, e) => this.redactAudit(tx, e),
      supporter: (tx, e, actor) => this.eraseSupporter(tx, e, actor),
    };
  }

  async get(supporterId: string): Promise<ErasureDto | null> {
    await this.supporterData.personalDataUnaudited(supporterId);
    return this.repo.findBySupporter(supporterId);
  }

  async erase(supporterId: string, reason: string, actor: Actor): Promise<ErasureDto> {
    await this.supporterData.personalDataUnaudited(supporterId); // 404 for an unknown id
    let erasure = await this.repo.start(supporterId, reason.trim(), actor.id);
    for (const step of ERASURE_STEPS) {
      if (erasure.stepsDone.includes(step)) continue;
      erasure = await this.repo.transaction(async (tx) => {
        const current = await this.repo.lock(tx, erasure.id);
        if (current.stepsDone.includes(step)) return current;
        const counts = await this.steps[step](tx, current, actor);
        await this.repo.markStepDone(tx, current.id, step, counts, step === ERASURE_STEPS.at(-1));
        return this.repo.lock(tx, current.id);
      });
    }
    this.logger.log({ erasureId: erasure.id, supporterId }, 'supporter erased');
    return erasure;
  }

  private async cancelMail(tx: EntityManager, e: ErasureDto, actor: Actor) {
    const caseIds = await this.cases.caseIdsOfSupporter(e.supporterId, tx);
    const stopped = await this.correspondence.stopAllContactIn(
      tx,
      e.supporterId,
      caseIds,
      'supporter_erased',
      actor.id,
    );
    await this.supporters.blockContactIn(tx, e.supporterId, actor);
    return { cases: caseIds.length, emailsCancelled: stopped.emails, tasksCancelled: stopped.tasks };
  }

  private async subject(tx: EntityManager, e: ErasureDto) {
    const person = await this.supporterData.personalDataUnaudited(e.supporterId, tx);
    const caseIds = await this.cases.caseIdsOfSupporter(e.supporterId, tx);
    const messages = await this.intake.messagesOfSupporter(e.supporterId, caseIds, [person.email], tx);
    return { person, caseIds, messages };
  }

  private async tombstone(tx: EntityManager, e: ErasureDto) {
    const { person, messages } = await this.subject(tx, e);
    return { tombstones: await this.intake.tombstoneSupporterIn(tx, e.id, [person.email], messages) };
  }

  private async eraseMessages(tx: EntityManager, e: ErasureDto) {
    const { person, messages } = await this.subject(tx, e);
    return this.intake.eraseMessagesIn(
      tx,
      messages.map((m) => m.id),
      [person.email],
    );
  }

  private async eraseCaseRecords(tx: EntityManager, e: ErasureDto) {
    const { caseIds } = await this.subject(tx, e);
    const cases = await this.cases.eraseSupporterCasesIn(tx, caseIds);
    const engagement = await this.engagement.eraseSupporterCasesIn(tx, caseIds);
    const scheduledEmails = await this.correspondence.eraseSupporterIn(tx, e.supporterId, caseIds);
    return { notes: cases.notes, ...engagement, scheduledEmails };
  }

  private async redactAudit(tx: EntityManager, e: ErasureDto) {
    const { person, caseIds, messages } = await this.subject(tx, e);
    const values = [person.name, person.email, person.phone, person.postcode, person.onHoldReason, person.address]
      .concat((person.address ?? '').split(/[\n,]+/))
      .filter((v): v is string => !!v && v.trim().length > 0);
    const ids = [e.supporterId, ...caseIds, ...messages.map((m) => m.id)];
    return { auditEventsRedacted: await this.audit.redactPersonalDataIn(tx, ids, values) };
  }

  private async eraseSupporter(tx: EntityManager, e: ErasureDto, actor: Actor) {
    await this.supporterData.eraseSupporterIn(tx, e.supporterId, this.clock.now());
    await this.audit.record(
      {
        actorId: actor.id,
        ip: actor.ip,
        action: 'supporter.erased',
        entityType: 'supporter',
        entityId: e.supporterId,
        details: { erasureId: e.id, counts: e.counts },
      },
      tx,
    );
    return {};
  }
}
