import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { SCHEDULED_EMAIL_FIELDS } from '@campaign-desk/contracts';
import { acceptReadFields } from '@campaign-desk/server-core';

/** `PUT /api/scheduled-emails/:id`. react-admin sends the whole record back; only dueAt is read. */
export class RescheduleDto {
  @ApiProperty({ description: 'New due time (ISO 8601), not in the past' })
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 date-time' })
  dueAt: string;
}
acceptReadFields(RescheduleDto, SCHEDULED_EMAIL_FIELDS);
