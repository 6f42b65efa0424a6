import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  SUBJECT_ACCESS_FILTER_FIELDS,
  SUBJECT_ACCESS_SORT_FIELDS,
  type SessionUser,
  type SubjectAccessRequestDto,
} from '@campaign-desk/contracts';
import { ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CreateSubjectAccessRequestDto, UpdateSubjectAccessRequestDto } from './subject-access.dto';
import { SubjectAccessService } from './subject-access.service';

const LIST_SPEC = {
  sortable: SUBJECT_ACCESS_SORT_FIELDS,
  filterable: SUBJECT_ACCESS_FILTER_FIELDS,
  defaultSort: { field: 'dueAt' as const, order: 'ASC' as const },
};

/** Subject access requests (admins): the tracker of who asked for their data, when it is due and who handles it. */
@ApiTags('privacy')
@Controller('subject-access-requests')
export class SubjectAccessController {
  constructor(private readonly requests: SubjectAccessService) {}

  @ApiList(LIST_SPEC)
  @Get()
  @Roles('admin')
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubjectAccessRequestDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.requests.list(parsed);
    res.setHeader('Content-Range', contentRange('subject-access-requests', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @Roles('admin')
  get(@Param('id') id: string): Promise<SubjectAccessRequestDto> {
    return this.requests.get(id);
  }

  /** `dueAt` is one calendar month after `receivedAt` (default now), computed here. */
  @Post()
  @Roles('admin')
  create(
    @Body() body: CreateSubjectAccessRequestDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<SubjectAccessRequestDto> {
    return this.requests.create(body, { id: user.id, ip });
  }

  @Put(':id')
  @Roles('admin')
  update(
    @Param('id') id: string,
    @Body() body: UpdateSubjectAccessRequestDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<SubjectAccessRequestDto> {
    return this.requests.update(id, body, { id: user.id, ip });
  }
}
