import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CASE_DETAIL_FIELDS, PRIORITIES, TOPICS, type Priority, type Topic } from '@campaign-desk/contracts';
import { acceptReadFields } from '@campaign-desk/server-core';

const topicsRule = [
  IsArray({ message: 'topics must be a list' }),
  ArrayMinSize(1, { message: 'topics needs at least one topic' }),
  ArrayMaxSize(TOPICS.length),
  ArrayUnique({ message: 'topics must not repeat' }),
  IsIn(TOPICS, { each: true, message: `topics must be from ${TOPICS.join(', ')}` }),
];
const apply =
  (rules: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    rules.forEach((rule) => rule(target, key));

export class CreateCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'supporterId must be a supporter id' })
  supporterId: string;

  @ApiProperty({ enum: TOPICS, isArray: true })
  @apply(topicsRule)
  topics: Topic[];

  @ApiProperty({ enum: PRIORITIES })
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority: Priority;

  @ApiPropertyOptional({ description: "The supporter's story (health data: never shown to viewers)" })
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  summary?: string | null;

  @ApiPropertyOptional({ description: 'The hospital trust concerned' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  trust?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'A triage message: it and its thread move into the case' })
  @IsOptional()
  @IsUUID('all', { message: 'messageId must be a message id' })
  messageId?: string | null;
}

/** react-admin sends the whole record back on save: read-only fields are accepted and ignored. */
export class UpdateCaseDto {
  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @IsOptional()
  @apply(topicsRule)
  topics?: Topic[];

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: Priority;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  summary?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  trust?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'GSS code; the MP follows unless mpId is given too' })
  @ValidateIf((o: UpdateCaseDto) => o.constituencyId !== undefined && o.constituencyId !== null)
  @Matches(/^[EWSN][0-9]{8}$/, { message: 'constituencyId must be a GSS code like E14001290' })
  constituencyId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateCaseDto) => o.mpId !== undefined && o.mpId !== null)
  @IsInt({ message: 'mpId must be an MP member id' })
  @Min(1)
  mpId?: number | null;
}
acceptReadFields(UpdateCaseDto, CASE_DETAIL_FIELDS);
