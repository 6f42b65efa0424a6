import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { EraseSupporterInput } from '@campaign-desk/contracts';

export class EraseSupporterDto implements EraseSupporterInput {
  @ApiProperty({ description: 'Why the supporter is erased (kept with the erasure record)', maxLength: 2000 })
  @IsString({ message: 'reason is required' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason: string;
}
