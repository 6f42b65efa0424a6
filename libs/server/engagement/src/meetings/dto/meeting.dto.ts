import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ACTION_OWNERS,
  MEETING_STATUSES,
  MEETING_TYPES,
  type ActionOwner,
  type MeetingStatus,
  type MeetingType,
  MEETING_FIELDS,
} from '@campaign-desk/contracts';
import { acceptReadFields } from '@campaign-desk/server-core';

/** The guidance's preparation checklist; every item optional. */
export class MeetingChecklistDto {
  @IsOptional() @IsBoolean() keyPointsWrittenDown?: boolean;
  @IsOptional() @IsBoolean() deviceChargedAndLinkTested?: boolean;
  @IsOptional() @IsBoolean() travelTimePlanned?: boolean;
  @IsOptional() @IsBoolean() notesReRead?: boolean;
}

export class AgreedActionInputDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: 'description must be text' })
  @MaxLength(2000)
  description: string;

  @ApiProperty({ enum: ACTION_OWNERS })
  @IsIn(ACTION_OWNERS, { message: `owner must be one of ${ACTION_OWNERS.join(', ')}` })
  owner: ActionOwner;

  @ApiPropertyOptional({ description: 'ISO date; required when chase is true' })
  @IsOptional()
  @IsString({ message: 'dueDate must be a date like 2026-12-01' })
  dueDate?: string | null;

  @ApiPropertyOptional({ description: 'Chase the MP on the due date' })
  @IsOptional()
  @IsBoolean()
  chase?: boolean;
}

class MeetingDetailsDto {
  @IsOptional() @IsString() @MaxLength(1000) location?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) attendees?: string | null;
  @IsOptional() @IsString() @MaxLength(20000) notes?: string | null;

  @ApiPropertyOptional({ type: MeetingChecklistDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingChecklistDto)
  checklist?: MeetingChecklistDto;
}

export class CreateMeetingDto extends MeetingDetailsDto {
  @ApiProperty()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId: string;

  @ApiProperty({ enum: MEETING_TYPES })
  @IsIn(MEETING_TYPES, { message: `type must be one of ${MEETING_TYPES.join(', ')}` })
  type: MeetingType;

  @ApiProperty({ description: 'ISO date-time' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt: string;

  @ApiPropertyOptional({
    enum: MEETING_STATUSES,
    description: 'Defaults from startsAt: upcoming in the future, else held',
  })
  @IsOptional()
  @IsIn(MEETING_STATUSES, { message: `status must be one of ${MEETING_STATUSES.join(', ')}` })
  status?: MeetingStatus;

  @ApiPropertyOptional({ type: [AgreedActionInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgreedActionInputDto)
  agreedActions?: AgreedActionInputDto[];
}

/** `PUT /api/meetings/:id`. react-admin sends the whole record back; read-only fields are ignored. */
export class UpdateMeetingDto extends MeetingDetailsDto {
  @IsOptional()
  @IsIn(MEETING_TYPES, { message: `type must be one of ${MEETING_TYPES.join(', ')}` })
  type?: MeetingType;

  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startsAt must be an ISO 8601 date-time' })
  startsAt?: string;

  @ApiPropertyOptional({
    enum: MEETING_STATUSES,
    description: 'upcoming or cancelled (record the outcome with POST /held)',
  })
  @IsOptional()
  @IsIn(MEETING_STATUSES, { message: `status must be one of ${MEETING_STATUSES.join(', ')}` })
  status?: MeetingStatus;
}

acceptReadFields(UpdateMeetingDto, MEETING_FIELDS);

/** `POST /api/meetings/:id/held`. */
export class RecordMeetingHeldDto {
  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string | null;

  @ApiProperty({ type: [AgreedActionInputDto] })
  @IsArray({ message: 'agreedActions must be a list (it may be empty)' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgreedActionInputDto)
  agreedActions: AgreedActionInputDto[];
}
