import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  BULK_MESSAGE_ACTIONS,
  TRIAGE_ACTIONS,
  type BulkMessageAction,
  type TriageAction,
} from '@campaign-desk/contracts';

export class TriageMessageDto {
  @ApiProperty({ enum: TRIAGE_ACTIONS })
  @IsIn(TRIAGE_ACTIONS, { message: `action must be one of ${TRIAGE_ACTIONS.join(', ')}` })
  action: TriageAction;

  @ApiPropertyOptional({ description: 'Required for link_case' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a uuid' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'The supporter this message is from, once known' })
  @IsOptional()
  @IsUUID('all', { message: 'supporterId must be a uuid' })
  supporterId?: string;
}

export class BulkMessagesDto {
  @ApiProperty({ type: [String], maxItems: 500 })
  @IsArray({ message: 'ids must be a list of message ids' })
  @ArrayMinSize(1, { message: 'ids must not be empty' })
  @ArrayMaxSize(500, { message: 'ids may hold at most 500 ids' })
  @IsUUID('all', { each: true, message: 'each id must be a uuid' })
  ids: string[];

  @ApiProperty({ enum: BULK_MESSAGE_ACTIONS })
  @IsIn(BULK_MESSAGE_ACTIONS, { message: `action must be one of ${BULK_MESSAGE_ACTIONS.join(', ')}` })
  action: BulkMessageAction;
}

export class MessageHtmlQueryDto {
  @ApiPropertyOptional({ enum: ['0', '1'], description: '1 loads remote images' })
  @IsOptional()
  @IsIn(['0', '1'], { message: 'images must be 0 or 1' })
  images?: '0' | '1';
}
