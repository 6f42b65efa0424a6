import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class MergeSupporterDto {
  @ApiProperty({ description: 'The supporter that survives; this one is merged into it' })
  @IsUUID('all', { message: 'targetId must be a supporter id' })
  targetId: string;
}
