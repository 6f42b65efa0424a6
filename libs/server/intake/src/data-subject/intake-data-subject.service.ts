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
   * Message-ID of every message of theirs or their cases, and each raw message's digest, unparsed ones included.
   */
  async tombstoneSupporterIn(
    tx: EntityManager,
    erasureId: string,
    addresses: string[],
    messages: MessageOfSubject[],
  ): Promise<number> {
    const senders = new Set(addresses.map((a) => a.toLowerCase()));
    for (const m of messages) if (m.fromSupporter && m.fromAddress) senders.add(m.fromAddress.toLowerCase());
    const keys: TombstoneKey[] = [...senders].map((a) => ({ kind: 'sender', hash: tombstoneHash(a) }));
    const unparsed = await this.repo.unlinkedRawOf(addresses, tx);
    const held = [
      ...messages.map((m) => ({ rfcMessageId: m.rfcMessageId, sha256: m.rawSha256 })),
      ...unparsed.map((r) => ({ rfcMessageId: r.rfcMessageId, sha256: r.sha256 })),
    ];
    for (const m of held) {
      if (m.rfcMessageId) keys.push({ kind: 'message_id', hash: tombstoneHash(m.rfcMessageId) });
      if (m.sha256?.length) keys.push({ kind: 'raw_sha256', hash: m.sha256 });
    }
    return this.repo.addTombstones(tx, erasureId, keys);
  }

  /** Erases these messages, and what intake holds unparsed (quarantined or pending) from these addresses. */
  async eraseMessagesIn(tx: EntityManager, messageIds: string[], addresses: string[]) {
    const erased = await this.repo.erase(tx, messageIds);
    const unlinked = await this.repo.unlinkedRawOf(addresses, tx);
    return {
      ...erased,
      unparsedRaw: await this.repo.eraseUnlinkedRaw(
        tx,
        unlinked.map((r) => r.id),
      ),
    };
  }

  /** Everything held: these messages (rows, attachments, raw MIME) and the unparsed raw messages from these addresses. */
  async exportUnaudited(messageIds: string[], addresses: string[]) {
    const rows = await this.repo.rowsOf(messageIds);
    const unparsed = await this.repo.rawOf((await this.repo.unlinkedRawOf(addresses)).map((r) => r.id));
    return { ...rows, raw: [...rows.raw, ...unparsed] };
  }
}
