import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { PRIORITIES, TOPICS, type Priority, type Topic } from '@campaign-desk/contracts';

export class UpdateTriageRuleDto {
  @ApiPropertyOptional({ example: 'cancelled surgery' })
  @IsOptional()
  @IsString()
  @Length(2, 100, { message: 'keyword must be 2 to 100 characters' })
  keyword?: string;

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

  // Read-only fields react-admin sends back with the record on PUT: accepted and ignored.
  @IsOptional() @IsString() id?: string;
  @IsOptional() @IsString() createdAt?: string;
  @IsOptional() @IsString() updatedAt?: string;
}

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
