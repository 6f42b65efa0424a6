import { Injectable, NotFoundException } from '@nestjs/common';
import { type QuarantinedMessageDto, type StaffActor, QUARANTINE_REASONS } from '@campaign-desk/contracts';
import { type ListQuery, enumFilter, uuidsFilter } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import {
  QuarantineRepository,
  type QuarantineFilterField,
  type QuarantineRow,
  type QuarantineSortField,
} from './quarantine.repository';
import { RawMessagesRepository } from '../raw-messages/raw-messages.repository';
import { UUID } from '@campaign-desk/server-core';

function toDto(row: QuarantineRow): QuarantinedMessageDto {
  return {
    ...row,
    receivedAt: new Date(row.receivedAt).toISOString(),
    quarantinedAt: new Date(row.quarantinedAt).toISOString(),
  };
}

@Injectable()
export class QuarantineService {
  constructor(
    private readonly quarantine: QuarantineRepository,
    private readonly raws: RawMessagesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<QuarantineFilterField, QuarantineSortField>): Promise<[QuarantinedMessageDto[], number]> {
    const [rows, total] = await this.quarantine.list(query, {
      reasons: enumFilter(query.filter, 'reason', QUARANTINE_REASONS),
      ids: uuidsFilter(query.filter, 'id'),
    });
    return [rows.map(toDto), total];
  }

  async get(id: string): Promise<QuarantinedMessageDto> {
    const row = UUID.test(id) ? await this.quarantine.findById(id) : null;
    if (!row) throw new NotFoundException('Quarantined message not found');
    return toDto(row);
  }

  /** The original bytes, audited (they may hold anything). */
  async raw(id: string, reader: StaffActor): Promise<Buffer | null> {
    const row = await this.get(id);
    await this.audit.record({
      actorId: reader.user.id,
      action: 'message.raw_downloaded',
      entityType: 'message',
      entityId: row.messageId,
      ip: reader.ip,
      details: { quarantineId: id },
    });
    return this.raws.findRaw(row.messageId);
  }
}
