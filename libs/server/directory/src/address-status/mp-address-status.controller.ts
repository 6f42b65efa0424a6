import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MpDetailDto, SessionUser } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { MpAddressStatusDto } from './mp-address-status.dto';
import { MpAddressStatusService } from './mp-address-status.service';

@ApiTags('mps')
@Controller('mps')
export class MpAddressStatusController {
  constructor(private readonly status: MpAddressStatusService) {}

  /** Clears the failing flag a hard bounce set, once an admin has checked the address (audited). */
  @Put(':id/address-status')
  @Roles('admin')
  update(
    @Param('id') id: string,
    @Body() _body: MpAddressStatusDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MpDetailDto> {
    return this.status.clear(id, { user, ip });
  }
}
