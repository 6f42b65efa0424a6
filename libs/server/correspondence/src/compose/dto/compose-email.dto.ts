import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { COMPOSE_KINDS, type ComposeKind } from '@campaign-desk/contracts';

/** An email from a template, free text, or both (`POST /api/cases/:id/mp-email` takes exactly this). */
export class ComposeEmailDto {
  @ApiPropertyOptional({ description: 'Start from this template (filled from the case); body and subject override it' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, { message: 'templateKey must be a template key like reply or mp_email' })
  templateKey?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'subject must not be empty' })
  @MaxLength(300)
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  subject?: string;

  @ApiProperty({ maxLength: 50000, description: 'Plain text; required unless templateKey is given' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(50000)
  body?: string;
}

/** `POST /api/cases/:id/reply`: also names the message being answered. */
export class ComposeReplyDto extends ComposeEmailDto {
  @ApiPropertyOptional({ description: "The message being answered; defaults to the case's latest inbound message" })
  @IsOptional()
  @IsUUID('all', { message: 'inReplyToMessageId must be a message id' })
  inReplyToMessageId?: string;
}

/** `POST /api/cases/:id/email-preview`: what `/reply` or `/mp-email` would send, rendered from the case, nothing written. */
export class ComposePreviewDto extends ComposeReplyDto {
  @ApiProperty({ enum: COMPOSE_KINDS })
  @IsIn(COMPOSE_KINDS, { message: `kind must be one of ${COMPOSE_KINDS.join(', ')}` })
  kind: ComposeKind;
}
