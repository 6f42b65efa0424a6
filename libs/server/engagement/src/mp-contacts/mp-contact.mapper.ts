import type { MpContactDto } from '@campaign-desk/contracts';
import type { MpContactEntity } from './mp-contact.entity';

export function toMpContactDto(c: MpContactEntity, readContent: boolean): MpContactDto {
  return {
    id: c.id,
    caseId: c.caseId,
    mpId: c.mpId,
    channel: c.channel,
    direction: c.direction,
    contactedBy: c.contactedBy,
    contactedAt: c.contactedAt.toISOString(),
    summary: readContent ? c.summary : null,
    recordedById: c.recordedBy,
    createdAt: c.createdAt.toISOString(),
  };
}
