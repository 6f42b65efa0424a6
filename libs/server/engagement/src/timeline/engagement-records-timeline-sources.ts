import { Injectable, OnModuleInit } from '@nestjs/common';
import type { TimelineEntry } from '@campaign-desk/contracts';
import { CaseTimelineSources, type CaseTimelineSource, type TimelineReader } from '@campaign-desk/server-cases';
import { londonTime } from '@campaign-desk/server-core';
import { toLetterDto } from '../letters/letter.mapper';
import { LettersRepository } from '../letters/letters.repository';
import { toAgreedActionDto, toMeetingDto } from '../meetings/meeting.mapper';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { toMpActionDto } from '../mp-actions/mp-action.mapper';
import { MpActionsRepository } from '../mp-actions/mp-actions.repository';

type Page<R> = Promise<[R[], number]>;

/** One page of a case's rows as timeline entries (`<kind>:<row id>`). */
async function entriesOf<R extends { id: string }>(
  kind: string,
  page: Page<R>,
  at: (row: R) => Date,
  actor: (row: R) => string | null,
  data: (row: R) => object,
) {
  const [rows, total] = await page;
  const entries = rows.map((row) => ({
    id: `${kind}:${row.id}`,
    kind,
    at: at(row).toISOString(),
    actorId: actor(row),
    data: data(row),
  }));
  return { entries: entries as unknown as TimelineEntry[], total };
}

/** Meetings, at their start time; the thank-you it set off shows as its own scheduled email. */
@Injectable()
export class MeetingsTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'meeting';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly meetings: MeetingsRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  latest(caseId: string, limit: number, reader: TimelineReader) {
    return entriesOf(
      this.kind,
      this.meetings.latestForCase(caseId, limit),
      (m) => m.startsAt,
      (m) => m.recordedBy,
      (m) => toMeetingDto(m, [], reader.readHealthDetails),
    );
  }
}

/** What was agreed at a meeting, when it was recorded. Viewers do not see them (they can carry health details). */
@Injectable()
export class AgreedActionsTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'agreed_action';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly meetings: MeetingsRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number, reader: TimelineReader) {
    if (!reader.readHealthDetails) return { entries: [], total: 0 };
    return entriesOf(
      this.kind,
      this.meetings.latestActionsForCase(caseId, limit),
      (a) => a.createdAt,
      () => null,
      toAgreedActionDto,
    );
  }
}

/** What the MP did, on the day they did it. */
@Injectable()
export class MpActionsTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'mp_action';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly actions: MpActionsRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  latest(caseId: string, limit: number, reader: TimelineReader) {
    return entriesOf(
      this.kind,
      this.actions.latestForCase(caseId, limit),
      (a) => londonTime(a.actionDate),
      (a) => a.recordedBy,
      (a) => toMpActionDto(a, reader.readHealthDetails),
    );
  }
}

/** Letters to the MP, when drafted (the data says whether and when it was sent). */
@Injectable()
export class LettersTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'letter';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly letters: LettersRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  latest(caseId: string, limit: number, reader: TimelineReader) {
    return entriesOf(
      this.kind,
      this.letters.latestPageForCase(caseId, limit),
      (l) => l.createdAt,
      (l) => l.createdBy,
      (l) => toLetterDto(l, reader.readHealthDetails),
    );
  }
}

export const ENGAGEMENT_RECORD_TIMELINE_SOURCES = [
  MeetingsTimelineSource,
  AgreedActionsTimelineSource,
  MpActionsTimelineSource,
  LettersTimelineSource,
];
