import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  type MessageDetail,
  type MessageSummary,
  type SessionUser,
  type TriageAction,
  type StaffActor,
  type AuditAction,
  MESSAGE_CLASSIFICATIONS,
  MESSAGE_STATUSES,
  MESSAGE_DIRECTIONS,
} from '@campaign-desk/contracts';
import {
  Clock,
  type ListQuery,
  UUID,
  uuidsFilter,
  enumFilter,
  flagFilter,
  textFilter,
} from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { SupportersService } from '@campaign-desk/server-supporters';
import type { EntityManager } from 'typeorm';
import type { MessageEntity } from './message.entity';
import {
  MessagesRepository,
  type MessageFilterField,
  type MessageSortField,
  type MovedMessage,
} from './messages.repository';
import { TriageRulesService } from '../triage/triage-rules.service';
import { addressesOf, canReadBodies, toMessageDetail, toMessageSummary } from './message.mapper';
import { CorrespondentRoles } from './correspondent-roles';
import { messageCsp, messageDocument } from './message-document';

export interface OutboundMessageInput {
  rfcMessageId: string;
  caseId: string | null;
  supporterId?: string | null;
  fromAddress: string;
  fromName?: string | null;
  to: { name: string; address: string }[];
  subject: string;
  text: string;
  inReplyTo?: string | null;
  references?: string[];
  sentAt: Date;
}

/** Reading and triaging stored messages. Every read of a body is audited; viewers never get one. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly clock: Clock,
    private readonly messages: MessagesRepository,
    private readonly rules: TriageRulesService,
    private readonly supporters: SupportersService,
    private readonly audit: AuditService,
    private readonly roles: CorrespondentRoles,
  ) {}

  /** `GET /api/messages`: one audit event names every message returned (snippets, senders). */
  async list(
    query: ListQuery<MessageFilterField, MessageSortField>,
    reader: StaffActor,
  ): Promise<[MessageSummary[], number]> {
    const [rows, total] = await this.listUnaudited(query, reader.user);
    await this.audit.recordRead(reader, {
      action: 'message.list_read',
      entityType: 'message',
      ids: rows.map((m) => m.id),
      redacted: !canReadBodies(reader.user.role),
    });
    return [rows, total];
  }

  /** The same list without its audit event, for a caller that audits the read itself (the case timeline). */
  async listUnaudited(
    query: ListQuery<MessageFilterField, MessageSortField>,
    user: SessionUser,
  ): Promise<[MessageSummary[], number]> {
    const readBodies = canReadBodies(user.role);
    if (!readBodies && query.filter.q !== undefined) {
      throw new BadRequestException({
        message: 'Searching message text needs the caseworker role',
        fields: { filter: 'q is not available to viewers' },
      });
    }
    // Checked here; the repository reads the same values from the query.
    for (const key of ['caseId', 'supporterId', 'id'] as const) uuidsFilter(query.filter, key);
    enumFilter(query.filter, 'classification', MESSAGE_CLASSIFICATIONS);
    enumFilter(query.filter, 'status', MESSAGE_STATUSES);
    enumFilter(query.filter, 'direction', MESSAGE_DIRECTIONS);
    flagFilter(query.filter, 'triage');
    textFilter(query.filter, 'q');
    const [rows, total] = await this.messages.list(query, readBodies);
    const priorities = readBodies ? await this.suggestedPriorities(rows) : new Map<string, null>();
    const roleOf = await this.roles.forAddresses(addressesOf(rows, false));
    return [rows.map((m) => toMessageSummary(m, readBodies, priorities.get(m.id) ?? null, roleOf)), total];
  }

  async get(id: string, reader: StaffActor): Promise<MessageDetail> {
    const message = await this.load(id);
    const readBodies = canReadBodies(reader.user.role);
    await this.recordRead(reader, 'message.read', id, { redacted: !readBodies });
    const hasHtml = readBodies && (await this.messages.hasHtml(id));
    const [priority] = readBodies ? [...(await this.suggestedPriorities([message])).values()] : [null];
    const roleOf = await this.roles.forAddresses(addressesOf([message], true));
    return toMessageDetail(message, readBodies, priority ?? null, hasHtml, roleOf);
  }

  async htmlDocument(id: string, loadImages: boolean, reader: StaffActor): Promise<{ document: string; csp: string }> {
    const body = UUID.test(id) ? await this.messages.findHtml(id) : null;
    if (!body) throw new NotFoundException('Message not found');
    await this.recordRead(reader, 'message.html_viewed', id, { images: loadImages });
    return { document: messageDocument(body, loadImages), csp: messageCsp(loadImages) };
  }

  async attachment(
    id: string,
    n: number,
    reader: StaffActor,
  ): Promise<{ filename: string; contentType: string; content: Buffer }> {
    const attachment =
      UUID.test(id) && Number.isInteger(n) && n >= 0 ? await this.messages.findAttachment(id, n) : null;
    if (!attachment) throw new NotFoundException('Attachment not found');
    await this.recordRead(reader, 'message.attachment_downloaded', id, { n });
    return {
      filename: attachment.filename || `attachment-${n}`,
      contentType: attachment.contentType,
      content: attachment.content,
    };
  }

  async triage(
    id: string,
    input: { action: TriageAction; caseId?: string; supporterId?: string },
    reader: StaffActor,
  ): Promise<MessageDetail> {
    const message = await this.load(id);
    if (message.direction !== 'in')
      throw new BadRequestException({
        message: 'Only inbound messages are triaged',
        fields: { id: 'is an outbound message' },
      });
    const now = this.clock.now();
    const changes: Partial<MessageEntity> = { triagedBy: reader.user.id, triagedAt: now };
    if (input.action === 'link_case') {
      if (!input.caseId)
        throw new BadRequestException({
          message: 'caseId is required to link a case',
          fields: { caseId: 'is required for link_case' },
        });
      Object.assign(changes, { caseId: input.caseId, status: 'linked' });
    } else {
      if (input.caseId)
        throw new BadRequestException({
          message: 'caseId is only for link_case',
          fields: { caseId: `is not used by ${input.action}` },
        });
      Object.assign(changes, { status: input.action === 'triaged' ? 'triaged' : 'not_a_request' });
    }
    if (input.supporterId) {
      await this.supporters.get(input.supporterId, 'summary').catch(() => {
        throw new BadRequestException({
          message: 'supporterId is not a supporter',
          fields: { supporterId: 'is not a supporter' },
        });
      });
      changes.supporterId = input.supporterId;
    }
    try {
      await this.messages.update(id, changes);
    } catch (error) {
      // messages.case_id references cases: an unknown case is the caller's mistake, not a 500.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw new BadRequestException({ message: 'caseId is not a case', fields: { caseId: 'is not a case' } });
      }
      throw error;
    }
    await this.audit.record({
      actorId: reader.user.id,
      action: 'message.triaged',
      entityType: 'message',
      entityId: id,
      ip: reader.ip,
      details: { action: input.action, caseId: input.caseId ?? null, supporterId: input.supporterId ?? null },
    });
    return this.get(id, reader);
  }

  async markSpam(ids: string[], reader: StaffActor): Promise<{ updated: string[] }> {
    const updated = await this.messages.markSpam([...new Set(ids)]);
    await this.audit.record({
      actorId: reader.user.id,
      action: 'message.bulk_spam',
      entityType: 'message',
      ip: reader.ip,
      details: { ids: updated, requested: ids.length },
    });
    return { updated };
  }

  counts() {
    return this.messages.counts();
  }

  /** For correspondence: records an email we sent, so replies and bounces thread to it (in the caller's transaction when given). */
  async recordOutbound(input: OutboundMessageInput, tx?: EntityManager): Promise<string> {
    const id = randomUUID();
    const reference = /\[CD-(\d{1,9})\]/i.exec(input.subject);
    await this.messages.insert(tx ?? null, {
      id,
      direction: 'out',
      rfcMessageId: input.rfcMessageId.replace(/^<|>$/g, ''),
      inReplyTo: input.inReplyTo ?? null,
      references: input.references ?? [],
      fromAddress: input.fromAddress,
      fromName: input.fromName ?? null,
      to: input.to,
      cc: [],
      subject: input.subject,
      text: input.text,
      quotedText: '',
      htmlSanitised: null,
      hasRemoteImages: false,
      snippet: input.text.replace(/\s+/g, ' ').trim().slice(0, 200),
      attachments: [],
      sentAt: input.sentAt,
      receivedAt: input.sentAt,
      classification: null,
      status: 'sent',
      caseId: input.caseId,
      caseReference: reference ? `CD-${Number(reference[1])}` : null,
      supporterId: input.supporterId ?? null,
      parseWarnings: [],
    });
    return id;
  }

  /**
   * For cases: moves a triage message and its unfiled thread into a new case, inside the caller's
   * transaction. 400 for no such (or an outbound) message, 409 if it is already in a case.
   * Answers the moved ids and their subjects and text (for the case's search).
   */
  async moveIntoCase(
    messageId: string,
    target: { caseId: string; supporterId: string },
    tx: EntityManager,
  ): Promise<{ moved: string[]; texts: { subject: string; text: string }[] }> {
    const message = UUID.test(messageId) ? await this.messages.lockForMove(tx, messageId.toLowerCase()) : null;
    if (!message)
      throw new BadRequestException({
        message: 'messageId is not a message',
        fields: { messageId: 'is not a message' },
      });
    if (message.direction !== 'in')
      throw new BadRequestException({
        message: 'messageId is an outbound message',
        fields: { messageId: 'is an outbound message' },
      });
    if (message.caseId)
      throw new ConflictException({
        message: 'This message is already in a case',
        fields: { messageId: 'is already in a case' },
        caseId: message.caseId,
      });
    return moved(await this.messages.moveThreadIntoCase(tx, message.id, target.caseId, target.supporterId));
  }

  /** For cases' search: subjects and text of each case's newest messages (at most 50 a case). */
  async searchTextsForCases(caseIds: string[]): Promise<Map<string, { subject: string; text: string }[]>> {
    const out = new Map<string, { subject: string; text: string }[]>();
    if (!caseIds.length) return out;
    for (const row of await this.messages.searchTexts(caseIds, 50)) {
      out.set(row.case_id, [...(out.get(row.case_id) ?? []), { subject: row.subject, text: row.text }]);
    }
    return out;
  }

  /** For cases: a case closed as a duplicate hands its messages to the original, inside the caller's transaction. */
  async moveCaseMessages(
    fromCaseId: string,
    toCaseId: string,
    tx: EntityManager,
  ): Promise<{ moved: string[]; texts: { subject: string; text: string }[] }> {
    return moved(await this.messages.moveCaseMessages(tx, fromCaseId, toCaseId));
  }

  /**
   * For correspondence: the message a reply from the case answers (the one given, which must be on
   * the case, or else the case's latest inbound message) with its thread headers; null when none.
   */
  async replyTarget(
    caseId: string,
    messageId?: string,
  ): Promise<{ id: string; rfcMessageId: string | null; references: string[]; subject: string } | null> {
    let id = messageId;
    if (!id) {
      const [latest] = await this.messages.list(
        { sort: { field: 'receivedAt', order: 'DESC' }, offset: 0, limit: 1, filter: { caseId, direction: 'in' } },
        false,
      );
      id = latest?.[0]?.id;
    }
    const message = id && UUID.test(id) ? await this.messages.findById(id) : null;
    if (!message || message.caseId !== caseId) return null;
    return {
      id: message.id,
      rfcMessageId: message.rfcMessageId,
      references: message.references,
      subject: message.subject,
    };
  }

  /** The message text for suggestions (callers audit). */
  async textForSuggestions(id: string): Promise<MessageEntity> {
    return this.load(id);
  }

  private async load(id: string): Promise<MessageEntity> {
    const message = UUID.test(id) ? await this.messages.findById(id) : null;
    if (!message) throw new NotFoundException('Message not found');
    return message;
  }

  private async recordRead(
    reader: StaffActor,
    action: AuditAction,
    id: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record({
      actorId: reader.user.id,
      action,
      entityType: 'message',
      entityId: id,
      ip: reader.ip,
      details,
    });
  }

  private async suggestedPriorities(rows: MessageEntity[]) {
    const rules = await this.rules.activeRules();
    return new Map(
      rows.map((m) => [
        m.id,
        m.direction === 'in' && m.classification === 'request'
          ? this.rules.match(`${m.subject}\n${m.text ?? ''}`, rules).priority
          : null,
      ]),
    );
  }
}

function moved(rows: MovedMessage[]): { moved: string[]; texts: { subject: string; text: string }[] } {
  return { moved: rows.map((r) => r.id), texts: rows.map((r) => ({ subject: r.subject, text: r.text })) };
}
