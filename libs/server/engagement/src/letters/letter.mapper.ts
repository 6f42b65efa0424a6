import type { LetterDraftDto, LetterWarning } from '@campaign-desk/contracts';
import type { LetterEntity } from './letter.entity';

export function toLetterDto(l: LetterEntity, readContent: boolean, warnings: LetterWarning[] = []): LetterDraftDto {
  return {
    id: l.id,
    caseId: l.caseId,
    mpId: l.mpId,
    templateKey: l.templateKey,
    templateVersion: l.templateVersion,
    asks: l.asks,
    body: readContent ? l.body : null,
    status: l.status,
    sentChannel: l.sentChannel,
    sentAt: l.sentAt?.toISOString() ?? null,
    mpContactId: l.mpContactId,
    createdById: l.createdBy,
    createdAt: l.createdAt.toISOString(),
    warnings: readContent ? warnings : [],
  };
}
