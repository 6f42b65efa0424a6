import { AUDIT_READ_ACTIONS, type AuditAction } from '@campaign-desk/contracts';

const READS = new Set<string>(AUDIT_READ_ACTIONS);

/**
 * Counts, per account, the records read in a sliding window, and says when one account first passes the
 * threshold in a window (once: the next alert for that account waits a whole window). In memory, per process:
 * an alert is a prompt for an admin to look at the log, not a control, so a restart forgetting counts is fine.
 */
export class ReadAlertCounter {
  private readonly reads = new Map<string, { at: number; records: number }[]>();
  private readonly alertedAt = new Map<string, number>();

  constructor(
    private readonly threshold: number,
    private readonly windowMs: number,
  ) {}

  /** The records read in the window if this read crossed the threshold, else null. */
  count(actorId: string, action: AuditAction, records: number, now: number): number | null {
    if (!READS.has(action)) return null;
    const recent = (this.reads.get(actorId) ?? []).filter((r) => r.at > now - this.windowMs);
    recent.push({ at: now, records: Math.max(1, records) });
    this.reads.set(actorId, recent);
    const total = recent.reduce((sum, r) => sum + r.records, 0);
    const last = this.alertedAt.get(actorId);
    if (total <= this.threshold || (last !== undefined && last > now - this.windowMs)) return null;
    this.alertedAt.set(actorId, now);
    return total;
  }
}
