import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** `PUT /api/scheduled-emails/:id`. react-admin sends the whole record back; only dueAt is read. */
export class RescheduleDto {
  @ApiProperty({ description: 'New due time (ISO 8601), not in the past' })
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 date-time' })
  dueAt: string;

  @IsOptional() id?: unknown;
  @IsOptional() caseId?: unknown;
  @IsOptional() supporterId?: unknown;
  @IsOptional() mpContactId?: unknown;
  @IsOptional() kind?: unknown;
  @IsOptional() recipientKind?: unknown;
  @IsOptional() status?: unknown;
  @IsOptional() deliveryStatus?: unknown;
  @IsOptional() attempts?: unknown;
  @IsOptional() templateKey?: unknown;
  @IsOptional() templateVersion?: unknown;
  @IsOptional() rfcMessageId?: unknown;
  @IsOptional() subject?: unknown;
  @IsOptional() messageId?: unknown;
  @IsOptional() sentAt?: unknown;
  @IsOptional() bouncedAt?: unknown;
  @IsOptional() cancelledAt?: unknown;
  @IsOptional() cancelReason?: unknown;
  @IsOptional() lastError?: unknown;
  @IsOptional() createdById?: unknown;
  @IsOptional() createdAt?: unknown;
  @IsOptional() updatedAt?: unknown;
}
