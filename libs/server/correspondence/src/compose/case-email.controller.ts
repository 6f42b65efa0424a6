import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ComposedEmailPreview, ScheduledEmailDto, SessionUser } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { ComposePreviewDto, ComposeReplyDto } from './dto/compose-email.dto';
import { RepliesService } from './replies.service';

@ApiTags('cases')
@Controller('cases')
export class CaseEmailController {
  constructor(private readonly replies: RepliesService) {}

  /** Queues a reply to the supporter; it threads to the message answered and carries [CD-n]. */
  @Post(':id/reply')
  @Roles('admin', 'caseworker')
  reply(
    @Param('id') id: string,
    @Body() body: ComposeReplyDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<ScheduledEmailDto> {
    return this.replies.reply(id, body, { user, ip });
  }

  /** The email `/reply` or `/mp-email` would queue, rendered from the case, so staff see what goes before sending. */
  @Post(':id/email-preview')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  preview(
    @Param('id') id: string,
    @Body() body: ComposePreviewDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<ComposedEmailPreview> {
    return this.replies.preview(id, body, { user, ip });
  }
}
