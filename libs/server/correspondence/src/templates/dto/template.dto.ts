import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { EMAIL_TEMPLATE_FIELDS } from '@campaign-desk/contracts';
import { acceptReadFields } from '@campaign-desk/server-core';

/** react-admin sends the whole record back on save: read-only fields are accepted and ignored. */
export class UpdateTemplateDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @MinLength(1, { message: 'subject is required' })
  @MaxLength(300)
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  subject: string;

  @ApiProperty({ maxLength: 20000 })
  @IsString()
  @MinLength(1, { message: 'body is required' })
  @MaxLength(20000)
  body: string;
}

acceptReadFields(UpdateTemplateDto, EMAIL_TEMPLATE_FIELDS);

export class PreviewTemplateDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line' })
  subject?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  body?: string;
}
