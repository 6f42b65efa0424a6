import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { NOTE_EDIT_WINDOW_MINUTES, type CaseNoteDto, type Actor } from '@campaign-desk/contracts';
import { Clock, UUID } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { CaseLookup } from '../cases/case-lookup';
import { CaseNotesRepository } from './case-notes.repository';
import { noteEditableUntil, toNoteDto } from './case-note.mapper';

/** Plain-text notes: the author may correct one for NOTE_EDIT_WINDOW_MINUTES, then it is part of the record. */
@Injectable()
export class CaseNotesService {
  constructor(
    private readonly clock: Clock,
    private readonly lookup: CaseLookup,
    private readonly notes: CaseNotesRepository,
    private readonly audit: AuditService,
  ) {}

  async add(caseId: string, body: string, actor: Actor & { id: string }): Promise<CaseNoteDto> {
    const found = await this.lookup.require(caseId);
    const note = await this.notes.insert({
      caseId: found.id,
      authorId: actor.id,
      body: tidy(body),
      createdAt: this.clock.now(),
    });
    await this.audit.record({
      actorId: actor.id,
      ip: actor.ip,
      action: 'case.note_added',
      entityType: 'case',
      entityId: found.id,
      details: { noteId: note.id },
    });
    return toNoteDto(note, true);
  }

  async edit(caseId: string, noteId: string, body: string, actor: Actor & { id: string }): Promise<CaseNoteDto> {
    const found = await this.lookup.require(caseId);
    const note = UUID.test(noteId) ? await this.notes.findOne(found.id, noteId.toLowerCase()) : null;
    if (!note) throw new NotFoundException('Note not found');
    if (note.authorId !== actor.id) throw new ForbiddenException('Only the author of a note can edit it');
    const now = this.clock.now();
    const tooLate = () =>
      new ForbiddenException(`Notes can only be edited within ${NOTE_EDIT_WINDOW_MINUTES} minutes of being written`);
    if (now > noteEditableUntil(note)) throw tooLate();
    // The guard is repeated in the UPDATE, so an edit racing the deadline cannot slip past it.
    const editableSince = new Date(now.getTime() - NOTE_EDIT_WINDOW_MINUTES * 60_000);
    if (!(await this.notes.updateBody(note.id, actor.id, tidy(body), now, editableSince))) throw tooLate();
    await this.audit.record({
      actorId: actor.id,
      ip: actor.ip,
      action: 'case.note_edited',
      entityType: 'case',
      entityId: found.id,
      details: { noteId: note.id },
    });
    return toNoteDto({ ...note, body: tidy(body), editedAt: now }, true);
  }
}

/** Keeps the author's line breaks; normalises Windows line endings and trims the ends. */
function tidy(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}
