import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ErasureDto, SessionUser } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { EraseSupporterDto } from './erasure.dto';
import { ErasureService } from './erasure.service';

/** Erasure of a supporter (admins only). */
@ApiTags('privacy')
@Controller('supporters/:id/erasure')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  /**
   * Cancels everything pending, removes the supporter's personal and health data from every record and
   * refuses their emails from then on. Idempotent: erasing again (or after a crash part-way) answers 200
   * with the same record, finishing what was left.
   */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  erase(
    @Param('id') id: string,
    @Body() body: EraseSupporterDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<ErasureDto> {
    return this.erasure.erase(id, body.reason, { id: user.id, ip });
  }

  /** The supporter's erasure record, or null when they have not been erased. */
  @Get()
  @Roles('admin')
  get(@Param('id') id: string): Promise<ErasureDto | null> {
    return this.erasure.get(id);
  }
}
