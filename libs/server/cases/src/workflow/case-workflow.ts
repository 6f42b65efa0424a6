import { ConflictException } from '@nestjs/common';
import { allowedTransitions, type CaseOutcome, type CaseStatus } from '@campaign-desk/contracts';
import { fieldError } from '@campaign-desk/server-core';

export interface TransitionRequest {
  to: CaseStatus;
  outcome?: CaseOutcome;
  duplicateOfId?: string;
}

export interface TransitionPlan {
  from: CaseStatus;
  to: CaseStatus;
  outcome: CaseOutcome | null;
  duplicateOfId: string | null;
  /** closed → in_progress */
  reopening: boolean;
}

/**
 * Checks a requested status change against the workflow (CASE_TRANSITIONS in contracts) and the
 * closing rules. Legality first: an illegal move is 409 listing what is allowed, whatever else
 * the request says; then the fields: closing needs an outcome, a duplicate needs the case it
 * duplicates, and neither is accepted on any other move.
 */
export function planTransition(
  current: { id: string; status: CaseStatus; heldFromStatus: CaseStatus | null },
  request: TransitionRequest,
): TransitionPlan {
  const allowed = allowedTransitions(current.status, current.heldFromStatus);
  if (!allowed.includes(request.to)) {
    throw new ConflictException({
      message: `A ${current.status} case cannot move to ${request.to}; allowed: ${allowed.join(', ') || 'none'}`,
      from: current.status,
      to: request.to,
      allowed,
    });
  }
  if (request.to !== 'closed') {
    if (request.outcome !== undefined) throw fieldError('outcome', 'is only given when closing a case');
    if (request.duplicateOfId !== undefined)
      throw fieldError('duplicateOfId', 'is only given when closing a case as a duplicate');
    return {
      from: current.status,
      to: request.to,
      outcome: null,
      duplicateOfId: null,
      reopening: current.status === 'closed',
    };
  }
  if (request.outcome === undefined)
    throw fieldError('outcome', 'is required to close a case (resolved, unresolved, withdrawn or duplicate)');
  let duplicateOfId: string | null = null;
  if (request.outcome === 'duplicate') {
    if (!request.duplicateOfId) throw fieldError('duplicateOfId', 'is required when the outcome is duplicate');
    duplicateOfId = request.duplicateOfId.toLowerCase();
    if (duplicateOfId === current.id.toLowerCase()) throw fieldError('duplicateOfId', 'cannot be the case itself');
  } else if (request.duplicateOfId !== undefined) {
    throw fieldError('duplicateOfId', 'is only given when the outcome is duplicate');
  }
  return { from: current.status, to: 'closed', outcome: request.outcome, duplicateOfId, reopening: false };
}
