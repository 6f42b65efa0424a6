import type { SubjectAccessRequestDto } from '@campaign-desk/contracts';

/** Still open (received or in progress) and past its due date. */
export const isOverdue = (request: Pick<SubjectAccessRequestDto, 'dueAt' | 'status'>, now: Date = new Date()) =>
  (request.status === 'received' || request.status === 'in_progress') && new Date(request.dueAt) < now;
