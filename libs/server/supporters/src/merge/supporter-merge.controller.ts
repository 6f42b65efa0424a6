import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SessionUser, SupporterMergeResult } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { MergeSupporterDto } from './supporter-merge.dto';
import { SupporterMergeService } from './supporter-merge.service';

@ApiTags('supporters')
@Controller('supporters')
export class SupporterMergeController {
  constructor(private readonly merges: SupporterMergeService) {}

  /** Merges this supporter (`:id`) into `targetId`, which survives. */
  @Post(':id/merge')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  merge(
    @Param('id') id: string,
    @Body() body: MergeSupporterDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<SupporterMergeResult> {
    return this.merges.merge(id, body.targetId, { id: user.id, ip });
  }
}
