import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  SCHEDULED_EMAIL_FILTER_FIELDS,
  SCHEDULED_EMAIL_SORT_FIELDS,
  type ScheduledEmailDto,
  type SessionUser,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { RescheduleDto } from './dto/scheduled-email.dto';
import { ScheduledEmailsService } from './scheduled-emails.service';

const LIST_SPEC = {
  sortable: SCHEDULED_EMAIL_SORT_FIELDS,
  filterable: SCHEDULED_EMAIL_FILTER_FIELDS,
  defaultSort: { field: 'dueAt' as const, order: 'ASC' as const },
};

@ApiTags('scheduled-emails')
@Controller('scheduled-emails')
export class ScheduledEmailsController {
  constructor(private readonly service: ScheduledEmailsService) {}

  @ApiList(LIST_SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ScheduledEmailDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.service.list(parsed, { user, ip });
    res.setHeader('Content-Range', contentRange('scheduled-emails', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<ScheduledEmailDto> {
    return this.service.get(id, { user, ip });
  }

  @Put(':id')
  @Roles('admin', 'caseworker')
  reschedule(
    @Param('id') id: string,
    @Body() body: RescheduleDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<ScheduledEmailDto> {
    return this.service.reschedule(id, body.dueAt, { user, ip });
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  approve(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<ScheduledEmailDto> {
    return this.service.approve(id, { user, ip });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  cancel(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<ScheduledEmailDto> {
    return this.service.cancel(id, { user, ip });
  }

  @Post(':id/send-now')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  sendNow(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<ScheduledEmailDto> {
    return this.service.sendNow(id, { user, ip });
  }
}
