import type { DeliveryStatus, ScheduledEmailDto } from '@campaign-desk/contracts';
import type { ScheduledEmailEntity } from './scheduled-email.entity';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function deliveryStatusOf(row: Pick<ScheduledEmailEntity, 'status' | 'bouncedAt'>): DeliveryStatus {
  if (row.status === 'sent') return row.bouncedAt ? 'bounced' : 'sent';
  if (row.status === 'scheduled' || row.status === 'sending') return 'queued';
  if (row.status === 'draft') return 'draft';
  return row.status;
}

/** Viewers see when and what kind, never the subject (it can name the supporter). */
export function toScheduledEmailDto(row: ScheduledEmailEntity, readContent: boolean): ScheduledEmailDto {
  return {
    id: row.id,
    caseId: row.caseId,
    supporterId: row.supporterId,
    mpContactId: row.mpContactId,
    kind: row.kind,
    recipientKind: row.recipientKind,
    status: row.status,
    deliveryStatus: deliveryStatusOf(row),
    dueAt: row.dueAt.toISOString(),
    attempts: row.attempts,
    templateKey: row.templateKey,
    templateVersion: row.templateVersion,
    rfcMessageId: `<${row.rfcMessageId}>`,
    subject: readContent ? row.subject : null,
    messageId: row.messageId,
    sentAt: iso(row.sentAt),
    bouncedAt: iso(row.bouncedAt),
    cancelledAt: iso(row.cancelledAt),
    cancelReason: row.cancelReason,
    lastError: readContent ? row.lastError : null,
    createdById: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
