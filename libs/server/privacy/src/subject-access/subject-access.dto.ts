import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  SUBJECT_ACCESS_REQUEST_FIELDS,
  SUBJECT_ACCESS_STATUSES,
  type CreateSubjectAccessRequestInput,
  type SubjectAccessStatus,
} from '@campaign-desk/contracts';
import { acceptReadFields } from '@campaign-desk/server-core';

export class CreateSubjectAccessRequestDto implements CreateSubjectAccessRequestInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'supporterId must be a supporter id' })
  supporterId: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the request arrived (default now); due one calendar month later',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO date and time' })
  receivedAt?: string;

  @ApiPropertyOptional({ enum: SUBJECT_ACCESS_STATUSES })
  @IsOptional()
  @IsIn(SUBJECT_ACCESS_STATUSES, { message: `status must be one of ${SUBJECT_ACCESS_STATUSES.join(', ')}` })
  status?: SubjectAccessStatus;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: 'handledById must be a staff user id' })
  handledById?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 5000 })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString({ message: 'notes must be text' })
  @MaxLength(5000, { message: 'notes must be at most 5000 characters' })
  notes?: string | null;
}

/** PUT: the request's handling; the supporter it is about does not change. */
export class UpdateSubjectAccessRequestDto extends PartialType(
  OmitType(CreateSubjectAccessRequestDto, ['supporterId'] as const),
) {}
acceptReadFields(UpdateSubjectAccessRequestDto, SUBJECT_ACCESS_REQUEST_FIELDS);
