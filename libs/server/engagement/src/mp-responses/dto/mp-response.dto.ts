import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MP_RESPONSE_KINDS, type MpResponseKind } from '@campaign-desk/contracts';

export class CreateMpResponseDto {
  @ApiProperty({ enum: MP_RESPONSE_KINDS })
  @IsIn(MP_RESPONSE_KINDS, { message: `kind must be one of ${MP_RESPONSE_KINDS.join(', ')}` })
  kind: MpResponseKind;

  @ApiProperty({ description: 'ISO date or date-time: not before the contact, not in the future' })
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO 8601 date or date-time' })
  receivedAt: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @ApiPropertyOptional({ description: 'The inbound message on this case that carried the response' })
  @IsOptional()
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId?: string | null;
}
