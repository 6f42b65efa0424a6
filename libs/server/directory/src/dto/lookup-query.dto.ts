import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class LookupQueryDto {
  @ApiProperty({ example: 'WC1E 6BT', description: 'A full postcode, a sector (SW1A 1) or a district (SW1A)' })
  @IsString({ message: 'postcode is required' })
  @MaxLength(64, { message: 'postcode is not a valid UK postcode format' })
  postcode: string;
}
