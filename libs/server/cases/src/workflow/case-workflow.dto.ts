import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CASE_OUTCOMES, CASE_STATUSES, type CaseOutcome, type CaseStatus } from '@campaign-desk/contracts';

export class TransitionCaseDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES, { message: `to must be one of ${CASE_STATUSES.join(', ')}` })
  to: CaseStatus;

  @ApiPropertyOptional({ enum: CASE_OUTCOMES, description: 'Required when closing' })
  @IsOptional()
  @IsIn(CASE_OUTCOMES, { message: `outcome must be one of ${CASE_OUTCOMES.join(', ')}` })
  outcome?: CaseOutcome;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when the outcome is duplicate' })
  @IsOptional()
  @IsUUID('all', { message: 'duplicateOfId must be a case id' })
  duplicateOfId?: string;
}
