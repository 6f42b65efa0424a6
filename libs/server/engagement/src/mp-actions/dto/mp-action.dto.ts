import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, IsUrl, IsUUID, MaxLength } from 'class-validator';
import { MP_ACTION_TYPES, type MpActionType } from '@campaign-desk/contracts';

export class CreateMpActionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'caseId must be a case id' })
  caseId: string;

  @ApiPropertyOptional({ description: "Defaults to the case's MP" })
  @IsOptional()
  @IsInt({ message: 'mpId must be an MP id' })
  @IsPositive({ message: 'mpId must be an MP id' })
  mpId?: number | null;

  @ApiProperty({ enum: MP_ACTION_TYPES })
  @IsIn(MP_ACTION_TYPES, { message: `type must be one of ${MP_ACTION_TYPES.join(', ')}` })
  type: MpActionType;

  @ApiProperty({ description: 'ISO date (2026-11-23), not in the future' })
  @IsString({ message: 'date must be a date like 2026-11-23' })
  date: string;

  @ApiPropertyOptional({ description: 'http(s) link to the evidence: Hansard, a letter…' })
  @IsOptional()
  @MaxLength(2000, { message: 'evidenceUrl must be at most 2000 characters' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'evidenceUrl must be an http(s) link' },
  )
  evidenceUrl?: string | null;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;
}
