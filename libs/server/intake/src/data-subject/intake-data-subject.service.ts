import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IntakeDataSubjectRepository, type MessageOfSubject } from './intake-data-subject.repository';
import { tombstoneHash, type TombstoneKey } from './tombstones';

/**
 * What the privacy lib asks of intake about one supporter: their messages, tombstones that keep them
 * from coming back (hashes of their addresses, of every Message-ID and of the raw bytes), erasing the
 * messages' text, addresses, attachments and raw MIME, and everything held for a subject access export.
 * Unaudited: the privacy lib audits the erasure and the export.
 */
@Injectable()
export class IntakeDataSubjectService {
  constructor(private readonly repo: IntakeDataSubjectRepository) {}

  messagesOfSupporter(
    supporterId: string,
    caseIds: string[],
    addresses: string[],
    tx?: EntityManager,
  ): Promise<MessageOfSubject[]> {
    return this.repo.messagesOf(supporterId, caseIds, addresses, tx);
  }

  /**
   * Records the tombstones of an erased supporter: their addresses (and those of the messages they sent), the
   * Message-ID of every message of theirs or their cases, and each raw message's digest.
   */
  tombstoneSupporterIn(
    tx: EntityManager,
    erasureId: string,
    addresses: string[],
    messages: MessageOfSubject[],
  ): Promise<number> {
    const senders = new Set(addresses.map((a) => a.toLowerCase()));
    for (const m of messages) if (m.fromSupporter && m.fromAddress) senders.add(m.fromAddress.toLowerCase());
    const keys: TombstoneKey[] = [...senders].map((a) => ({ kind: 'sender', hash: tombstoneHash(a) }));
    for (const m of messages) {
      if (m.rfcMessageId) keys.push({ kind: 'message_id', hash: tombstoneHash(m.rfcMessageId) });
      if (m.rawSha256?.length) keys.push({ kind: 'raw_sha256', hash: m.rawSha256 });
    }
    return this.repo.addTombstones(tx, erasureId, keys);
  }

  eraseMessagesIn(tx: EntityManager, messageIds: string[]) {
    return this.repo.erase(tx, messageIds);
  }

  exportUnaudited(messageIds: string[]) {
    return this.repo.rowsOf(messageIds);
  }
}
