import type { CaseSortField } from '@campaign-desk/contracts';
import { UUID } from '@campaign-desk/server-core';

/**
 * A keyset position: the last row's sort value (as Postgres printed it, so no precision is lost)
 * and its id, tagged with the sort it belongs to so a cursor from another sort is refused.
 */
export interface CaseCursor {
  value: string;
  id: string;
}

export function encodeCursor(sort: { field: CaseSortField; order: 'ASC' | 'DESC' }, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort.field, sort.order, value, id])).toString('base64url');
}

export function decodeCursor(raw: unknown, sort: { field: CaseSortField; order: 'ASC' | 'DESC' }): CaseCursor | null {
  if (typeof raw !== 'string' || raw.length > 300) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [field, order, value, id] = parsed as unknown[];
    if (field !== sort.field || order !== sort.order) return null;
    if (typeof value !== 'string' || value.length > 64 || typeof id !== 'string' || !UUID.test(id)) return null;
    if (!/^[0-9a-zA-Z :.+-]+$/.test(value)) return null;
    return { value, id };
  } catch {
    return null;
  }
}
