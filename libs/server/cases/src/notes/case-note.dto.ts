import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CaseNoteBodyDto {
  @ApiProperty({ description: 'Plain text; line breaks are kept' })
  @IsString({ message: 'body must be text' })
  @Matches(/\S/, { message: 'body must not be blank' })
  @MaxLength(20_000, { message: 'body must be at most 20000 characters' })
  body: string;
}
