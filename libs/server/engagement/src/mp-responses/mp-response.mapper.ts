import type { MpResponseDto } from '@campaign-desk/contracts';
import type { MpResponseEntity } from './mp-response.entity';

export function toMpResponseDto(r: MpResponseEntity, readContent: boolean): MpResponseDto {
  return {
    id: r.id,
    caseId: r.caseId,
    mpContactId: r.mpContactId,
    mpId: r.mpId,
    kind: r.kind,
    receivedAt: r.receivedAt.toISOString(),
    summary: readContent ? r.summary : null,
    messageId: r.messageId,
    source: r.source,
    receivedAtSource: r.receivedAtSource,
    addressed: r.addressed,
    recordedById: r.recordedBy,
    createdAt: r.createdAt.toISOString(),
  };
}
