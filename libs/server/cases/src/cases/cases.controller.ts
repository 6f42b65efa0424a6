import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CASE_FILTER_FIELDS,
  CASE_NEXT_CURSOR_HEADER,
  CASE_SORT_FIELDS,
  TOTAL_ESTIMATED_HEADER,
  type CaseDetail,
  type CaseListItem,
  type SessionUser,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CasesService } from './cases.service';
import { caseReader } from './cases.types';
import { CreateCaseDto, UpdateCaseDto } from './case.dto';
import { CaseListService } from '../list/case-list.service';

const LIST_SPEC = {
  sortable: CASE_SORT_FIELDS,
  filterable: CASE_FILTER_FIELDS,
  defaultSort: { field: 'createdAt' as const, order: 'DESC' as const },
  maxPageSize: 200,
  nullable: ['assigneeId' as const],
};

/**
 * The `cases` resource. Lists answer Content-Range; when the total is the planner's estimate
 * (more than 1,000 matches) `X-Total-Count-Estimated: true` says so, and `X-Next-Cursor` carries
 * the keyset cursor for the next page (pass it back as `filter.after`).
 */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly lists: CaseListService,
  ) {}

  @ApiList(LIST_SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseListItem[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const page = await this.lists.list(parsed, query.sort !== undefined, { user, ip });
    res.setHeader('Content-Range', contentRange('cases', parsed.offset, page.rows.length, page.total));
    res.setHeader(TOTAL_ESTIMATED_HEADER, String(page.totalEstimated));
    if (page.nextCursor) res.setHeader(CASE_NEXT_CURSOR_HEADER, page.nextCursor);
    res.setHeader(
      'Access-Control-Expose-Headers',
      `Content-Range, ${TOTAL_ESTIMATED_HEADER}, ${CASE_NEXT_CURSOR_HEADER}`,
    );
    return page.rows;
  }

  /** By id or by reference (`CD-123`). Audited for everyone; viewers get no story. */
  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<CaseDetail> {
    return this.cases.get(id, caseReader(user, ip));
  }

  @Post()
  @Roles('admin', 'caseworker')
  create(@Body() body: CreateCaseDto, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<CaseDetail> {
    return this.cases.create(body, { id: user.id, ip });
  }

  @Put(':id')
  @Roles('admin', 'caseworker')
  update(
    @Param('id') id: string,
    @Body() body: UpdateCaseDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<CaseDetail> {
    return this.cases.update(id, body, { id: user.id, ip });
  }
}
