import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from '@campaign-desk/contracts';
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
}

/** An audit event as a subject access export shows it. */
export interface AuditEventRecord {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
}

/**
 * The same details with every string (at any depth) that contains one of the values replaced by
 * `[erased]`; null when nothing matched.
 */
export function redactValues(details: Record<string, unknown>, values: string[]): Record<string, unknown> | null {
  const needles = values.map((v) => v.trim().toLowerCase()).filter((v) => v.length >= 3);
  let changed = false;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const lower = value.toLowerCase();
      if (needles.some((n) => lower.includes(n))) {
        changed = true;
        return '[erased]';
      }
      return value;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  const out = walk(details) as Record<string, unknown>;
  return changed ? { ...out, redacted: true } : null;
}

function normaliseIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}
