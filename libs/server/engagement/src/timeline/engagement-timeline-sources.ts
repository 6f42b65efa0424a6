import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MpContactDto, MpResponseDto, TimelineEntry, TimelineEntryBase } from '@campaign-desk/contracts';
import { CaseTimelineSources, type CaseTimelineSource, type TimelineReader } from '@campaign-desk/server-cases';
import { toMpContactDto } from '../mp-contacts/mp-contact.mapper';
import { MpContactsRepository } from '../mp-contacts/mp-contacts.repository';
import { toMpResponseDto } from '../mp-responses/mp-response.mapper';
import { MpResponsesRepository } from '../mp-responses/mp-responses.repository';

type ContactEntry = TimelineEntryBase<'mp_contact', MpContactDto>;
type ResponseEntry = TimelineEntryBase<'mp_response', MpResponseDto>;
const generic = (entries: (ContactEntry | ResponseEntry)[]) => entries as unknown as TimelineEntry[];

@Injectable()
export class MpContactsTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'mp_contact';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly contacts: MpContactsRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number, reader: TimelineReader) {
    const [rows, total] = await this.contacts.latestForCase(caseId, limit);
    const entries = rows.map((c): ContactEntry => ({
      id: `mp_contact:${c.id}`,
      kind: 'mp_contact',
      at: c.contactedAt.toISOString(),
      actorId: c.recordedBy,
      data: toMpContactDto(c, reader.readHealthDetails),
    }));
    return { entries: generic(entries), total };
  }
}

@Injectable()
export class MpResponsesTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'mp_response';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly responses: MpResponsesRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number, reader: TimelineReader) {
    const [rows, total] = await this.responses.latestForCase(caseId, limit);
    const entries = rows.map((r): ResponseEntry => ({
      id: `mp_response:${r.id}`,
      kind: 'mp_response',
      at: r.receivedAt.toISOString(),
      actorId: r.recordedBy,
      data: toMpResponseDto(r, reader.readHealthDetails),
    }));
    return { entries: generic(entries), total };
  }
}

export const ENGAGEMENT_TIMELINE_SOURCES = [MpContactsTimelineSource, MpResponsesTimelineSource];
