import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type {
  CaseDetail,
  CreateLetterDraftInput,
  LetterDraftDto,
  MarkLetterSentInput,
  StaffActor,
  AuditAction,
} from '@campaign-desk/contracts';
import { Clock, fieldError, londonDate, UUID } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { CasesService } from '@campaign-desk/server-cases';
import { EmailTemplatesService, OutboxService, renderEmail } from '@campaign-desk/server-correspondence';
import { DirectoryService } from '@campaign-desk/server-directory';
import { MessagesService } from '@campaign-desk/server-intake';
import { MpContactsService } from '../mp-contacts/mp-contacts.service';
import { pastInstant } from '../shared/dates';
import type { LetterEntity } from './letter.entity';
import { toLetterDto } from './letter.mapper';
import { letterPdf } from './letter-pdf';
import { SAMPLE_STORIES } from './letter-sample';
import { letterScope } from './letter-scope';
import { LettersRepository } from './letters.repository';
import { storyWarning } from './story-similarity';

export const LETTER_TEMPLATE_KEY = 'mp_letter';

/**
 * The supporter's letter to their MP (DESIGN §1.3): drafted from the admin-editable `mp_letter`
 * template, downloaded as a PDF to sign or as text to email, and marked sent, which records the
 * outbound MP contact that starts the chase plan.
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly clock: Clock,
    private readonly letters: LettersRepository,
    private readonly cases: CasesService,
    private readonly messages: MessagesService,
    private readonly directory: DirectoryService,
    private readonly templates: EmailTemplatesService,
    private readonly contacts: MpContactsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async draft(caseId: string, input: CreateLetterDraftInput, actor: StaffActor): Promise<LetterDraftDto> {
    const detail = await this.loadCase(caseId);
    if (detail.status === 'closed')
      throw new ConflictException({
        message: 'The case is closed: reopen it to write to the MP',
        status: detail.status,
      });
    if (detail.mpId === null) throw fieldError('caseId', 'has no MP: set the constituency first');
    const mp = await this.directory.getMp(String(detail.mpId));
    const story = input.story?.trim() || (await this.defaultStory(detail));
    if (!story) throw fieldError('story', 'is required: the case has no summary or message to start from');
    const template = await this.templates.current(LETTER_TEMPLATE_KEY);
    const scope = letterScope({
      detail,
      mp,
      story,
      asks: input.asks,
      now: this.clock.now(),
      staffName: actor.user.name,
    });
    const body = renderEmail(template, scope).text;
    const letter = await this.letters.transaction(async (tx) => {
      const saved = await this.letters.insert(tx, {
        caseId: detail.id,
        mpId: detail.mpId,
        templateKey: template.key,
        templateVersion: template.version,
        asks: [...new Set(input.asks)],
        body,
        createdBy: actor.user.id,
      });
      await this.auditIn(tx, 'letter.drafted', saved, actor, { templateVersion: template.version });
      return saved;
    });
    const warning = storyWarning(story, SAMPLE_STORIES);
    return toLetterDto(letter, true, warning ? [warning] : []);
  }

  /** `GET /api/cases/:id/letter`: the latest draft (its body names the supporter and tells their story), audited. */
  async latest(caseId: string, reader: StaffActor): Promise<LetterDraftDto> {
    const letter = await this.requireLatest(caseId);
    const redacted = reader.user.role === 'viewer';
    await this.audit.recordRead(
      reader,
      { action: 'letter.read', entityType: 'case', id: letter.caseId, redacted },
      { letterId: letter.id },
    );
    return toLetterDto(letter, !redacted);
  }

  /** The letter's text (for email) or PDF (to print and sign); each download is audited as an export. */
  async download(
    caseId: string,
    format: 'txt' | 'pdf',
    actor: StaffActor,
  ): Promise<{ filename: string; content: Buffer }> {
    const letter = await this.requireLatest(caseId);
    const detail = await this.cases.readDetailUnaudited(letter.caseId);
    await this.audit.record({
      actorId: actor.user.id,
      ip: actor.ip,
      action: 'letter.exported',
      entityType: 'case',
      entityId: letter.caseId,
      details: { letterId: letter.id, format },
    });
    const filename = `letter-${detail.reference}.${format}`;
    if (format === 'txt') return { filename, content: Buffer.from(letter.body, 'utf8') };
    return { filename, content: await letterPdf(letter.body, { title: `Letter to the MP (${detail.reference})` }) };
  }

  /** `POST /api/cases/:id/letter/sent`: the newest draft is sent; its MP contact starts the chase plan. */
  async markSent(caseId: string, input: MarkLetterSentInput, actor: StaffActor): Promise<LetterDraftDto> {
    const sentAt = pastInstant(input.sentAt, 'sentAt', this.clock.now());
    const detail = await this.loadCase(caseId);
    const letter = await this.letters.transaction(async (tx) => {
      await this.outbox.holdCase(tx, detail.id);
      const draft = await this.letters.lockLatestForCase(tx, detail.id);
      if (!draft) throw new NotFoundException('The case has no letter: draft one first');
      if (draft.status === 'sent')
        throw new ConflictException({
          message: 'The letter is already marked sent: draft a new one to send again',
          status: draft.status,
        });
      if (londonDate(sentAt) < londonDate(draft.createdAt))
        throw fieldError('sentAt', `must not be before the letter was drafted (${londonDate(draft.createdAt)})`);
      const contact = await this.contacts.recordIn(
        tx,
        detail,
        {
          channel: input.channel,
          direction: 'outbound',
          date: sentAt.toISOString(),
          contactedBy: 'supporter',
          summary: `Letter from the supporter (${input.channel === 'letter' ? 'posted' : 'emailed'})`,
        },
        sentAt,
        actor,
      );
      const sent = await this.letters.markSent(tx, draft.id, {
        sentChannel: input.channel,
        sentAt,
        mpContactId: contact.id,
      });
      await this.auditIn(tx, 'letter.sent', sent, actor, { channel: input.channel, mpContactId: contact.id });
      return sent;
    });
    return toLetterDto(letter, true);
  }

  /** The case summary, else the text of the supporter's first message. */
  private async defaultStory(detail: CaseDetail): Promise<string | null> {
    if (detail.summary?.trim()) return detail.summary.trim();
    const texts = (await this.messages.searchTextsForCases([detail.id])).get(detail.id) ?? [];
    return texts[texts.length - 1]?.text?.trim() || null;
  }

  private auditIn(
    tx: Parameters<AuditService['record']>[1],
    action: AuditAction,
    letter: LetterEntity,
    actor: StaffActor,
    details: Record<string, unknown>,
  ) {
    return this.audit.record(
      {
        actorId: actor.user.id,
        ip: actor.ip,
        action,
        entityType: 'case',
        entityId: letter.caseId,
        details: { letterId: letter.id, ...details },
      },
      tx,
    );
  }

  private async requireLatest(caseId: string): Promise<LetterEntity> {
    const letter = UUID.test(caseId) ? await this.letters.latestForCase(caseId) : null;
    if (!letter) throw new NotFoundException('The case has no letter: draft one first');
    return letter;
  }

  private async loadCase(caseId: string): Promise<CaseDetail> {
    if (!UUID.test(caseId)) throw new NotFoundException('Case not found');
    return this.cases.readDetailUnaudited(caseId);
  }
}
