import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateIf } from 'class-validator';

const ASSIGNEE_MESSAGE = 'assigneeId must be a staff user id, or null to unassign';

export class AssignCaseDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null unassigns; your own id is "assign to me"' })
  @ValidateIf((o: AssignCaseDto) => o.assigneeId !== null)
  @IsUUID('all', { message: ASSIGNEE_MESSAGE })
  assigneeId: string | null;
}

export class BulkAssignCasesDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray({ message: 'ids must be a list of case ids' })
  @ArrayMinSize(1, { message: 'ids needs at least one case id' })
  @ArrayMaxSize(500, { message: 'ids takes at most 500 cases at once' })
  @IsUUID('all', { each: true, message: 'ids must be case ids' })
  ids: string[];

  @ApiProperty({ format: 'uuid', nullable: true })
  @ValidateIf((o: BulkAssignCasesDto) => o.assigneeId !== null)
  @IsUUID('all', { message: ASSIGNEE_MESSAGE })
  assigneeId: string | null;
}
