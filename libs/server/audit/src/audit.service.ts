import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAction, StaffActor } from '@campaign-desk/contracts';
import { AuditRepository } from './audit.repository';

export interface AuditInput {
  actorId?: string | null;
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  ip?: string | null;
  /** Ids and field names only: never names, emails or story text. */
  details?: Record<string, unknown>;
}

/** Append-only record of who did what to which record, and when. */
@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

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
}

function normaliseIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
