import type { AgreedActionDto, MeetingDto } from '@campaign-desk/contracts';
import type { AgreedActionEntity, MeetingEntity } from './meeting.entity';

export function toAgreedActionDto(a: AgreedActionEntity): AgreedActionDto {
  return {
    id: a.id,
    meetingId: a.meetingId,
    caseId: a.caseId,
    description: a.description,
    owner: a.owner,
    dueDate: a.dueDate,
    chase: a.chase,
    doneAt: a.doneAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

/** Viewers see when and where, not the notes or what was agreed (they can carry health details). */
export function toMeetingDto(m: MeetingEntity, actions: AgreedActionEntity[], readContent: boolean): MeetingDto {
  return {
    id: m.id,
    caseId: m.caseId,
    mpId: m.mpId,
    type: m.type,
    status: m.status,
    startsAt: m.startsAt.toISOString(),
    location: m.location,
    attendees: readContent ? m.attendees : null,
    checklist: m.checklist,
    notes: readContent ? m.notes : null,
    thankYouEmailId: m.thankYouEmailId,
    recordedById: m.recordedBy,
    agreedActions: readContent ? actions.map(toAgreedActionDto) : [],
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
