import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { PRIORITIES, TOPICS, type Priority, type Topic } from '@campaign-desk/contracts';

export class CreateTriageRuleDto {
  @ApiProperty({ example: 'cancelled surgery' })
  @IsString({ message: 'keyword is required' })
  @Length(2, 100, { message: 'keyword must be 2 to 100 characters' })
  keyword: string;

  @ApiPropertyOptional({ enum: TOPICS, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIn(TOPICS, { message: `topic must be one of ${TOPICS.join(', ')}` })
  topic?: Topic | null;

  @ApiPropertyOptional({ enum: PRIORITIES, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: Priority | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

/** PUT: any of the create fields (validated the same way), plus the read-only fields react-admin sends back. */
export class UpdateTriageRuleDto extends PartialType(CreateTriageRuleDto) {
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() createdAt?: string;
  @IsOptional() @IsString() updatedAt?: string;
}
