import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAction, StaffActor } from '@campaign-desk/contracts';
import { AppConfig, Clock } from '@campaign-desk/server-core';
import { AuditRepository } from './audit.repository';
import { ReadAlertCounter } from './read-alert';
import { redactValues, type AuditEventRecord } from './audit-redaction';

export interface AuditInput {
  actorId?: string | null;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  ip?: string | null;
  /** Ids and field names only: never names, emails or story text. */
  details?: Record<string, unknown>;
}

/** Append-only record of who did what to which record, and when; raises an alert on unusually heavy reading. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);
  private readonly reads: ReadAlertCounter;

  constructor(
    private readonly repo: AuditRepository,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.reads = new ReadAlertCounter(config.AUDIT_READ_ALERT_RECORDS, config.AUDIT_READ_ALERT_MINUTES * 60_000);
  }

  async record(input: AuditInput, manager?: EntityManager): Promise<void> {
    await this.repo.insert(
      {
        actorId: input.actorId ?? null,
        action: input.action,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        ip: normaliseIp(input.ip),
        details: input.details ?? {},
      },
      manager,
    );
    if (input.actorId) await this.checkReading(input.actorId, input, manager);
  }

  /**
   * A read of personal or health data (DESIGN §10.5): one insert per request, naming the record read
   * or, for a list, every id it returned (`details.ids`), whoever reads it (`redacted` says whether
   * the reader got the redacted view).
   */
  async recordRead(
    reader: StaffActor,
    read: { action: AuditAction; entityType: string; id?: string; ids?: string[]; redacted: boolean },
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.record({
      actorId: reader.user.id,
      ip: reader.ip,
      action: read.action,
      entityType: read.entityType,
      entityId: read.id,
      details: { ...details, ...(read.ids ? { ids: read.ids } : {}), redacted: read.redacted },
    });
  }

  /** Events about these records (by entity id or naming one in their details), oldest first; unaudited. */
  async eventsAboutUnaudited(ids: string[]): Promise<AuditEventRecord[]> {
    const events = await this.repo.eventsAbout(ids);
    return events.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      details: e.details,
    }));
  }

  /**
   * For an erasure, in its transaction: strips these personal values from the details of every event about
   * these records. The events stay (who did what to which record, and when); answers how many changed.
   */
  async redactPersonalDataIn(manager: EntityManager, ids: string[], values: string[]): Promise<number> {
    const events = await this.repo.eventsAbout(ids, manager);
    const redacted = events.flatMap((e) => {
      const details = redactValues(e.details ?? {}, values);
      return details ? [{ id: String(e.id), details }] : [];
    });
    await this.repo.redactDetails(manager, redacted);
    return redacted.length;
  }

  private async checkReading(actorId: string, input: AuditInput, manager?: EntityManager): Promise<void> {
    const ids = input.details?.ids;
    const records = Array.isArray(ids) ? ids.length : 1;
    const total = this.reads.count(actorId, input.action, records, this.clock.now().getTime());
    if (total === null) return;
    this.logger.warn(`Unusual reading: account ${actorId} read ${total} records within the alert window`);
    await this.repo.insert(
      { actorId, action: 'audit.read_alert', entityType: 'staff_user', entityId: actorId, details: { records: total } },
      manager,
    );
  }
}

function normaliseIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
