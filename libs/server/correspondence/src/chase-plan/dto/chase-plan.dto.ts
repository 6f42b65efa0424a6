import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, Max, Min } from 'class-validator';

export class ChasePlanSettingsDto {
  @ApiProperty({ minimum: 1, maximum: 365 })
  @IsInt({ message: 'checkinDays must be a whole number of days' })
  @Min(1)
  @Max(365)
  checkinDays: number;

  @ApiProperty({ minimum: 1, maximum: 365 })
  @IsInt({ message: 'reminderDays must be a whole number of days' })
  @Min(1)
  @Max(365)
  reminderDays: number;

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(0)
  @ArrayMaxSize(10)
  @IsInt({ each: true, message: 'mpChaseDays must be whole numbers of days' })
  @Min(1, { each: true })
  @Max(365, { each: true })
  mpChaseDays: number[];

  @ApiProperty({ minimum: 1, maximum: 365 })
  @IsInt({ message: 'phoneTaskDays must be a whole number of days' })
  @Min(1)
  @Max(365)
  phoneTaskDays: number;
}
