/** What an erasure does to the audit log: the events stay, the personal values in their details go. */

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
