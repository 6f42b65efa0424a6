import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import type { MpAddressStatusInput } from '@campaign-desk/contracts';

/** Only clearing is a staff action: a hard bounce is what marks an address failing. */
export class MpAddressStatusDto implements MpAddressStatusInput {
  @ApiProperty({ enum: [false], description: 'false clears the failing flag' })
  @Equals(false, { message: 'failing must be false: only clearing the flag is allowed (a hard bounce sets it)' })
  failing: false;
}
