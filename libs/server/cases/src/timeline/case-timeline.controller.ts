import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SessionUser, TimelineEntry } from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, textsFilter } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { caseReader } from '../cases/cases.types';
import { CaseTimelineService } from './case-timeline.service';

const TIMELINE_SPEC = {
  sortable: ['at'] as const,
  filterable: ['kind'] as const,
  defaultSort: { field: 'at' as const, order: 'DESC' as const },
  maxPageSize: 100,
};

/** A case's timeline: everything that happened to it, newest first. */
@ApiTags('cases')
@Controller('cases/:id')
export class CaseTimelineController {
  constructor(private readonly timeline: CaseTimelineService) {}

  /** `?range=[0,49]`, newest first; `filter={"kind":["note","message"]}` narrows it. Audited; viewers get no bodies. */
  @ApiList(TIMELINE_SPEC)
  @Get('timeline')
  @AnyStaff()
  async list(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TimelineEntry[]> {
    const parsed = parseListQuery(query, TIMELINE_SPEC);
    if (parsed.sort.order !== 'DESC')
      throw new BadRequestException({
        message: 'sort: the timeline reads newest first only',
        fields: { sort: 'must be ["at","DESC"]' },
      });
    const kinds = textsFilter(parsed.filter, 'kind', /^[a-z_]{1,40}$/, 'a timeline entry kind');
    const [rows, total] = await this.timeline.page(
      id,
      { offset: parsed.offset, limit: parsed.limit, kinds },
      caseReader(user, ip),
    );
    res.setHeader('Content-Range', contentRange('timeline', parsed.offset, rows.length, total));
    return rows;
  }
}
