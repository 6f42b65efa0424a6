import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import {
  SCHEDULED_EMAIL_KINDS,
  SCHEDULED_EMAIL_STATUSES,
  type ScheduledEmailDto,
  type ScheduledEmailStatus,
  type SessionUser,
  type ScheduledEmailSortField,
  type StaffActor,
  type AuditAction,
} from '@campaign-desk/contracts';
import { Clock, enumFilter, instantFilter, type ListQuery, UUID, uuidsFilter } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import type { ScheduledEmailEntity } from './scheduled-email.entity';
import { toScheduledEmailDto } from './scheduled-email.mapper';
import { ScheduledEmailsRepository, type ScheduledEmailListFilter } from './scheduled-emails.repository';
import { EmailJobs } from './email-jobs';

const canReadContent = (user: SessionUser) => user.role !== 'viewer';

/** The `scheduled-emails` resource and the actions staff take on one: approve a draft, cancel, send now, reschedule. */
@Injectable()
export class ScheduledEmailsService {
  constructor(
    private readonly clock: Clock,
    private readonly rows: ScheduledEmailsRepository,
    private readonly jobs: EmailJobs,
    private readonly audit: AuditService,
  ) {}

  /** One audit event names every email returned (a subject can name the supporter). */
  async list(
    query: ListQuery<string, ScheduledEmailSortField>,
    reader: StaffActor,
  ): Promise<[ScheduledEmailDto[], number]> {
    const [rows, total] = await this.rows.list(query, listFilter(query.filter));
    const readContent = canReadContent(reader.user);
    await this.audit.recordRead(reader, {
      action: 'scheduled_email.list_read',
      entityType: 'scheduled_email',
      ids: rows.map((r) => r.id),
      redacted: !readContent,
    });
    return [rows.map((r) => toScheduledEmailDto(r, readContent)), total];
  }

  async get(id: string, reader: StaffActor): Promise<ScheduledEmailDto> {
    const row = await this.load(id);
    const readContent = canReadContent(reader.user);
    await this.audit.recordRead(reader, {
      action: 'scheduled_email.read',
      entityType: 'scheduled_email',
      id: row.id,
      redacted: !readContent,
    });
    return toScheduledEmailDto(row, readContent);
  }

  /** An email as another lib's action answers it (that action is the audit record). */
  async view(id: string, user: SessionUser): Promise<ScheduledEmailDto> {
    return toScheduledEmailDto(await this.load(id), canReadContent(user));
  }

  /** A person has read the draft (the meeting thank-you) and lets it go: due now, the sender takes it. */
  async approve(id: string, actor: StaffActor): Promise<ScheduledEmailDto> {
    return this.change(id, actor, ['draft'], 'scheduled_email.approved', (row, now) => ({
      status: 'scheduled',
      dueAt: now,
      deliveryStartedAt: null,
    }));
  }

  /** Stops a pending email or a draft (or closes an `unknown` or `failed` one): never sent after this returns. */
  async cancel(id: string, actor: StaffActor): Promise<ScheduledEmailDto> {
    return this.change(
      id,
      actor,
      ['draft', 'scheduled', 'unknown', 'failed'],
      'scheduled_email.cancelled',
      (row, now) => ({
        status: 'cancelled',
        cancelledAt: now,
        cancelReason: 'staff',
        cancelledBy: actor.user.id,
      }),
    );
  }

  /**
   * Due now. For an `unknown` email this is a person deciding to send it again: it goes with the
   * same Message-ID, so a mail client that already has it can recognise the repeat.
   */
  async sendNow(id: string, actor: StaffActor): Promise<ScheduledEmailDto> {
    return this.change(id, actor, ['scheduled', 'unknown', 'failed'], 'scheduled_email.send_now', (row, now) => ({
      status: 'scheduled',
      dueAt: now,
      deliveryStartedAt: null,
    }));
  }

  async reschedule(id: string, dueAtRaw: string, actor: StaffActor): Promise<ScheduledEmailDto> {
    const dueAt = new Date(dueAtRaw);
    const now = this.clock.now();
    if (Number.isNaN(dueAt.getTime()))
      throw new BadRequestException({
        message: 'dueAt is not a date-time',
        fields: { dueAt: 'must be an ISO 8601 date-time' },
      });
    if (dueAt.getTime() < now.getTime() - 60_000)
      throw new BadRequestException({ message: 'dueAt is in the past', fields: { dueAt: 'must not be in the past' } });
    return this.change(id, actor, ['scheduled', 'unknown'], 'scheduled_email.rescheduled', () => ({
      status: 'scheduled',
      dueAt: dueAt.getTime() < now.getTime() ? now : dueAt,
      deliveryStartedAt: null,
    }));
  }

  private async change(
    id: string,
    actor: StaffActor,
    allowed: ScheduledEmailStatus[],
    action: AuditAction,
    changes: (row: ScheduledEmailEntity, now: Date) => Partial<ScheduledEmailEntity>,
  ): Promise<ScheduledEmailDto> {
    if (!UUID.test(id)) throw new NotFoundException('Scheduled email not found');
    const now = this.clock.now();
    const updated = await this.rows.transaction(async (tx) => {
      // The row lock orders this against a sender's claim: whichever commits first, the other sees it.
      const row = await this.rows.findByIdForUpdate(tx, id);
      if (!row) throw new NotFoundException('Scheduled email not found');
      if (!allowed.includes(row.status)) {
        throw new ConflictException({
          message:
            row.status === 'sending'
              ? 'This email is being sent right now'
              : `A ${row.status} email cannot be changed this way (allowed: ${allowed.join(', ')})`,
          status: row.status,
        });
      }
      const next = changes(row, now);
      await this.rows.update(tx, id, next);
      await this.audit.record(
        {
          actorId: actor.user.id,
          ip: actor.ip,
          action,
          entityType: 'scheduled_email',
          entityId: id,
          details: { caseId: row.caseId, from: row.status, to: next.status, dueAt: next.dueAt?.toISOString() },
        },
        tx,
      );
      return (await this.rows.findById(id, tx))!;
    });
    if (updated.status === 'scheduled') await this.jobs.ensure(updated.id, updated.dueAt).catch(() => undefined);
    return toScheduledEmailDto(updated, true);
  }

  private async load(id: string): Promise<ScheduledEmailEntity> {
    const row = UUID.test(id) ? await this.rows.findById(id) : null;
    if (!row) throw new NotFoundException('Scheduled email not found');
    return row;
  }
}

function listFilter(filter: Record<string, unknown>): ScheduledEmailListFilter {
  return {
    ids: uuidsFilter(filter, 'id'),
    caseIds: uuidsFilter(filter, 'caseId'),
    supporterIds: uuidsFilter(filter, 'supporterId'),
    kinds: enumFilter(filter, 'kind', SCHEDULED_EMAIL_KINDS),
    statuses: enumFilter(filter, 'status', SCHEDULED_EMAIL_STATUSES),
    dueFrom: instantFilter(filter, 'dueAt_gte'),
    dueTo: instantFilter(filter, 'dueAt_lte'),
  };
}
