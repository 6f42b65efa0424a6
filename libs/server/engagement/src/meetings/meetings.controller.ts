import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  MEETING_FILTER_FIELDS,
  MEETING_SORT_FIELDS,
  type MeetingDto,
  type SessionUser,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CreateMeetingDto, RecordMeetingHeldDto, UpdateMeetingDto } from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';

const LIST_SPEC = {
  sortable: MEETING_SORT_FIELDS,
  filterable: MEETING_FILTER_FIELDS,
  defaultSort: { field: 'startsAt' as const, order: 'DESC' as const },
};

/** The `meetings` resource: meetings and surgeries with the MP, their checklist, outcome and agreed actions. */
@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @ApiList(LIST_SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeetingDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.meetings.list(parsed, { user, ip });
    res.setHeader('Content-Range', contentRange('meetings', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<MeetingDto> {
    return this.meetings.get(id, { user, ip });
  }

  @Post()
  @Roles('admin', 'caseworker')
  create(
    @Body() body: CreateMeetingDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MeetingDto> {
    return this.meetings.create(body, { user, ip });
  }

  @Put(':id')
  @Roles('admin', 'caseworker')
  update(
    @Param('id') id: string,
    @Body() body: UpdateMeetingDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MeetingDto> {
    return this.meetings.update(id, body, { user, ip });
  }

  @Post(':id/actions/:actionId/done')
  @Roles('admin', 'caseworker')
  markActionDone(
    @Param('id') id: string,
    @Param('actionId') actionId: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MeetingDto> {
    return this.meetings.markActionDone(id, actionId, { user, ip });
  }

  @Post(':id/held')
  @Roles('admin', 'caseworker')
  recordHeld(
    @Param('id') id: string,
    @Body() body: RecordMeetingHeldDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MeetingDto> {
    return this.meetings.recordHeld(id, body, { user, ip });
  }
}
