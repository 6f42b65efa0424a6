import { HttpError } from 'react-admin';
import type { DuplicateSupporterError } from '@campaign-desk/contracts';

export type DuplicateMatch = Pick<DuplicateSupporterError, 'message' | 'existingId' | 'matchedOn'>;

/** The API's 409 for a likely duplicate (`existingId`), or null for any other error. */
export function asDuplicate(error: unknown): DuplicateMatch | null {
  if (!(error instanceof HttpError) || error.status !== 409) return null;
  const body = (error.body ?? {}) as Partial<DuplicateSupporterError>;
  if (typeof body.existingId !== 'string') return null;
  return { message: body.message ?? error.message, existingId: body.existingId, matchedOn: body.matchedOn ?? 'email' };
}
