import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { LETTER_ASKS, LETTER_SEND_CHANNELS, type LetterAsk, type LetterSendChannel } from '@campaign-desk/contracts';

export class CreateLetterDraftDto {
  @ApiProperty({ enum: LETTER_ASKS, isArray: true, description: 'What the supporter asks the MP to do' })
  @IsArray({ message: 'asks must be a list' })
  @ArrayMaxSize(LETTER_ASKS.length)
  @IsIn(LETTER_ASKS, { each: true, message: `asks must each be one of ${LETTER_ASKS.join(', ')}` })
  asks: LetterAsk[];

  @ApiPropertyOptional({
    maxLength: 10000,
    description: "The supporter's story; defaults to the case summary, else the first message",
  })
  @IsOptional()
  @IsString({ message: 'story must be text' })
  @MaxLength(10000, { message: 'story must be at most 10000 characters' })
  story?: string | null;
}

export class MarkLetterSentDto {
  @ApiProperty({ enum: LETTER_SEND_CHANNELS })
  @IsIn(LETTER_SEND_CHANNELS, { message: `channel must be one of ${LETTER_SEND_CHANNELS.join(', ')}` })
  channel: LetterSendChannel;

  @ApiProperty({ description: 'ISO date or date-time: not before the draft, not in the future' })
  @IsISO8601({ strict: true }, { message: 'sentAt must be an ISO 8601 date or date-time' })
  sentAt: string;
}
