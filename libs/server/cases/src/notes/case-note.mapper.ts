import { NOTE_EDIT_WINDOW_MINUTES, type CaseNoteDto } from '@campaign-desk/contracts';
import type { CaseNoteEntity } from './case-note.entity';

export function noteEditableUntil(note: Pick<CaseNoteEntity, 'createdAt'>): Date {
  return new Date(note.createdAt.getTime() + NOTE_EDIT_WINDOW_MINUTES * 60_000);
}

/** Viewers see that a note exists, who wrote it and when, never what it says. */
export function toNoteDto(n: CaseNoteEntity, readBody: boolean): CaseNoteDto {
  return {
    id: n.id,
    caseId: n.caseId,
    authorId: n.authorId,
    body: readBody ? n.body : null,
    createdAt: n.createdAt.toISOString(),
    editedAt: n.editedAt?.toISOString() ?? null,
    editableUntil: noteEditableUntil(n).toISOString(),
  };
}
