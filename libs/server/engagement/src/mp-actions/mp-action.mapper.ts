import type { MpActionDto } from '@campaign-desk/contracts';
import type { MpActionEntity } from './mp-action.entity';

export function toMpActionDto(a: MpActionEntity, readContent: boolean): MpActionDto {
  return {
    id: a.id,
    caseId: a.caseId,
    mpId: a.mpId,
    type: a.type,
    date: a.actionDate,
    evidenceUrl: a.evidenceUrl,
    summary: readContent ? a.summary : null,
    recordedById: a.recordedBy,
    createdAt: a.createdAt.toISOString(),
  };
}
