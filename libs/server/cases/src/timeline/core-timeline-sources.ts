import { Injectable, OnModuleInit } from '@nestjs/common';
import type {
  AssignmentTimelineEntry,
  MessageTimelineEntry,
  NoteTimelineEntry,
  StatusChangeTimelineEntry,
} from '@campaign-desk/contracts';
import { MessagesService } from '@campaign-desk/server-intake';
import { toNoteDto } from '../notes/case-note.mapper';
import { CaseHistoryRepository } from '../history/case-history.repository';
import { CaseNotesRepository } from '../notes/case-notes.repository';
import { CaseTimelineSources, type CaseTimelineSource, type TimelineReader } from './case-timeline-source';

@Injectable()
export class NotesTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'note';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly notes: CaseNotesRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number, reader: TimelineReader) {
    const [rows, total] = await this.notes.latest(caseId, limit);
    const entries = rows.map((n): NoteTimelineEntry => ({
      id: `note:${n.id}`,
      kind: 'note',
      at: n.createdAt.toISOString(),
      actorId: n.authorId,
      data: toNoteDto(n, reader.readHealthDetails),
    }));
    return { entries, total };
  }
}

@Injectable()
export class StatusChangesTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'status_change';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly history: CaseHistoryRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number) {
    const [rows, total] = await this.history.latestStatusChanges(caseId, limit);
    const entries = rows.map((r): StatusChangeTimelineEntry => ({
      id: `status_change:${r.id.padStart(12, '0')}`,
      kind: 'status_change',
      at: r.at.toISOString(),
      actorId: r.actorId,
      data: { from: r.fromStatus, to: r.toStatus, outcome: r.outcome, duplicateOfId: r.duplicateOfId },
    }));
    return { entries, total };
  }
}

@Injectable()
export class AssignmentsTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'assignment';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly history: CaseHistoryRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number) {
    const [rows, total] = await this.history.latestAssignments(caseId, limit);
    const entries = rows.map((r): AssignmentTimelineEntry => ({
      id: `assignment:${r.id.padStart(12, '0')}`,
      kind: 'assignment',
      at: r.at.toISOString(),
      actorId: r.actorId,
      data: { fromAssigneeId: r.fromAssigneeId, toAssigneeId: r.toAssigneeId, method: r.method },
    }));
    return { entries, total };
  }
}

/**
 * Emails in and out, read through intake's service (which leaves out subjects, snippets, names and
 * addresses for viewers); the timeline's own audit event covers the read.
 */
@Injectable()
export class MessagesTimelineSource implements CaseTimelineSource, OnModuleInit {
  readonly kind = 'message';
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async latest(caseId: string, limit: number, reader: TimelineReader) {
    const [rows, total] = await this.messages.listUnaudited(
      { sort: { field: 'receivedAt', order: 'DESC' }, offset: 0, limit, filter: { caseId } },
      reader.user,
    );
    const entries = rows.map((m): MessageTimelineEntry => ({
      id: `message:${m.id}`,
      kind: 'message',
      at: m.receivedAt,
      actorId: null,
      data: m,
    }));
    return { entries, total };
  }
}

export const CORE_TIMELINE_SOURCES = [
  NotesTimelineSource,
  StatusChangesTimelineSource,
  AssignmentsTimelineSource,
  MessagesTimelineSource,
];
