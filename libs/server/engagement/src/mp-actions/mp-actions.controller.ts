import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  MP_ACTION_FILTER_FIELDS,
  MP_ACTION_SORT_FIELDS,
  type MpActionDto,
  type SessionUser,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CreateMpActionDto } from './dto/mp-action.dto';
import { MpActionsService } from './mp-actions.service';

const LIST_SPEC = {
  sortable: MP_ACTION_SORT_FIELDS,
  filterable: MP_ACTION_FILTER_FIELDS,
  defaultSort: { field: 'date' as const, order: 'DESC' as const },
};

/** The `mp-actions` resource: what MPs did, with evidence. */
@ApiTags('mp-actions')
@Controller('mp-actions')
export class MpActionsController {
  constructor(private readonly actions: MpActionsService) {}

  @ApiList(LIST_SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MpActionDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.actions.list(parsed, { user, ip });
    res.setHeader('Content-Range', contentRange('mp-actions', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<MpActionDto> {
    return this.actions.get(id, { user, ip });
  }

  @Post()
  @Roles('admin', 'caseworker')
  create(
    @Body() body: CreateMpActionDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MpActionDto> {
    return this.actions.create(body, { user, ip });
  }
}
