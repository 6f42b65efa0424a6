import {
  BadRequestException,
  Injectable,
  Logger,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { IntakeReceipt, IntakeSource } from '@campaign-desk/contracts';
import { AppConfig, QueueService } from '@campaign-desk/server-core';
import { dedupeKey, extractMessageId, readHeaderBlock, sha256 } from '../mime/raw-message';
import { RawMessagesRepository, type NewRawMessage } from '../raw-messages/raw-messages.repository';
import { IntakeDataSubjectRepository } from '../data-subject/intake-data-subject.repository';
import { tombstoneKeysOf } from '../data-subject/tombstones';

const REFUSED: IntakeReceipt = {
  messageId: null,
  status: 'refused',
  duplicate: false,
  caseId: null,
  quarantineId: null,
};

/**
 * The one way a message enters: committed to Postgres first (DESIGN invariant 1), deduplicated
 * by Message-ID or bytes (invariant 4), then handed to the worker by id. Every channel (webhook,
 * IMAP, upload) comes through here.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly raw: RawMessagesRepository,
    private readonly queue: QueueService,
    private readonly tombstones: IntakeDataSubjectRepository,
  ) {}

  async accept(raw: Buffer, source: IntakeSource, options: { uploadedBy?: string } = {}): Promise<IntakeReceipt> {
    if (raw.length === 0)
      throw new BadRequestException({ message: 'The message is empty', fields: { message: 'is empty' } });
    if (raw.length > this.config.INTAKE_MAX_MESSAGE_BYTES) {
      throw new PayloadTooLargeException({
        message: `The message is larger than ${this.config.INTAKE_MAX_MESSAGE_BYTES} bytes`,
      });
    }
    const record = this.prepare(raw, source, options.uploadedBy ?? null);
    if (await this.refused(record)) return REFUSED;
    let stored;
    try {
      stored = await this.raw.storeIfNew(record);
    } catch (error) {
      // Not committed: the sender must try again (a webhook sender retries on 503).
      this.logger.error(
        { err: { type: (error as Error).name, code: (error as { code?: string }).code } },
        'could not store an inbound message',
      );
      throw new ServiceUnavailableException({ message: 'The message could not be stored; try again shortly' });
    }
    if (stored.status === 'pending') await this.enqueueParse(stored.id);
    if (stored.inserted && stored.status === 'pending')
      return { messageId: stored.id, status: 'pending', duplicate: false, caseId: null, quarantineId: null };
    const receipt = await this.raw.receipt(stored.id).catch(() => null);
    return {
      messageId: stored.id,
      status: receipt?.status ?? stored.status,
      duplicate: !stored.inserted,
      caseId: receipt?.caseId ?? null,
      quarantineId: receipt?.quarantineId ?? null,
    };
  }

  /** Stores what fits of a message over the size cap (its header block) as a quarantine record. */
  async acceptOversized(head: Buffer, totalSize: number, source: IntakeSource): Promise<IntakeReceipt> {
    const record = this.prepare(head, source, null);
    if (await this.refused(record)) return REFUSED;
    record.quarantine = {
      reason: 'too_large',
      detail: `message of ${totalSize} bytes is over the ${this.config.INTAKE_MAX_MESSAGE_BYTES} byte cap; only its header block is kept`,
    };
    const stored = await this.raw.storeIfNew(record);
    const receipt = await this.raw.receipt(stored.id);
    return {
      messageId: stored.id,
      status: 'quarantined',
      duplicate: !stored.inserted,
      caseId: null,
      quarantineId: receipt?.quarantineId ?? null,
    };
  }

  /**
   * A message of an erased supporter (its sender, Message-ID or bytes match a tombstone) is refused before
   * anything is stored: the tombstone counts it, and the sender gets a 2xx so it does not retry.
   */
  private async refused(record: NewRawMessage): Promise<boolean> {
    const header = readHeaderBlock(record.raw, this.config.INTAKE_MAX_HEADER_BYTES);
    try {
      return await this.tombstones.refuseIfTombstoned(tombstoneKeysOf(header.text, record.sha256));
    } catch (error) {
      this.logger.error({ err: { type: (error as Error).name } }, 'could not check intake tombstones');
      throw new ServiceUnavailableException({ message: 'The message could not be stored; try again shortly' });
    }
  }

  /** Best effort: if Redis is down the reconciler finds the pending row later. */
  async enqueueParse(id: string): Promise<boolean> {
    try {
      await this.queue.add('intake.parse-message', { rawMessageId: id }, { jobId: id });
      return true;
    } catch (error) {
      this.logger.warn(
        { rawMessageId: id, err: (error as Error).message },
        'could not enqueue parsing; the reconciler will',
      );
      return false;
    }
  }

  private prepare(raw: Buffer, source: IntakeSource, uploadedBy: string | null): NewRawMessage {
    const header = readHeaderBlock(raw, this.config.INTAKE_MAX_HEADER_BYTES);
    const rfcMessageId = extractMessageId(header.text);
    const digest = sha256(raw);
    return {
      dedupeKey: dedupeKey(rfcMessageId, digest),
      rfcMessageId,
      sha256: digest,
      raw,
      source,
      uploadedBy,
      quarantine:
        header.size === null
          ? {
              reason: 'header_too_large',
              detail: `header block is larger than ${this.config.INTAKE_MAX_HEADER_BYTES} bytes`,
            }
          : undefined,
    };
  }
}
