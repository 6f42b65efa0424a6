import type { ChaseTaskDto } from '@campaign-desk/contracts';
import type { ChaseTaskEntity } from './chase-task.entity';

export function toChaseTaskDto(t: ChaseTaskEntity): ChaseTaskDto {
  return {
    id: t.id,
    caseId: t.caseId,
    mpContactId: t.mpContactId,
    kind: t.kind,
    dueAt: t.dueAt.toISOString(),
    status: t.status,
    cancelReason: t.cancelReason,
    completedAt: t.completedAt?.toISOString() ?? null,
    completedById: t.completedBy,
    createdAt: t.createdAt.toISOString(),
  };
}
