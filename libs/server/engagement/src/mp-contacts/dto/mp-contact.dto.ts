import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  MP_CONTACT_BY,
  MP_CONTACT_CHANNELS,
  MP_CONTACT_DIRECTIONS,
  type MpContactBy,
  type MpContactChannel,
  type MpContactDirection,
} from '@campaign-desk/contracts';

export class CreateMpContactDto {
  @ApiProperty({ enum: MP_CONTACT_CHANNELS })
  @IsIn(MP_CONTACT_CHANNELS, { message: `channel must be one of ${MP_CONTACT_CHANNELS.join(', ')}` })
  channel: MpContactChannel;

  @ApiProperty({
    enum: MP_CONTACT_DIRECTIONS,
    description: 'outbound: to the MP (starts the chase plan); inbound: from the MP',
  })
  @IsIn(MP_CONTACT_DIRECTIONS, { message: `direction must be one of ${MP_CONTACT_DIRECTIONS.join(', ')}` })
  direction: MpContactDirection;

  @ApiProperty({ description: 'ISO date or date-time, not in the future' })
  @IsISO8601({ strict: true }, { message: 'date must be an ISO 8601 date or date-time' })
  date: string;

  @ApiPropertyOptional({ enum: MP_CONTACT_BY, default: 'charity' })
  @IsOptional()
  @IsIn(MP_CONTACT_BY, { message: `contactedBy must be one of ${MP_CONTACT_BY.join(', ')}` })
  contactedBy?: MpContactBy;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;
}
