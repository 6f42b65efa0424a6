import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CONSTITUENCY_FILTER_FIELDS,
  CONSTITUENCY_SORT_FIELDS,
  type ConstituencyDetailDto,
  type ConstituencyDto,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery } from '@campaign-desk/server-core';
import { DirectoryService, type ConstituencyFilterField, type ConstituencySortField } from '../directory.service';

const SPEC = {
  sortable: CONSTITUENCY_SORT_FIELDS as readonly ConstituencySortField[],
  filterable: CONSTITUENCY_FILTER_FIELDS as readonly ConstituencyFilterField[],
  defaultSort: { field: 'name' as ConstituencySortField, order: 'ASC' as const },
  maxPageSize: 650,
};

@ApiTags('constituencies')
@Controller('constituencies')
export class ConstituenciesController {
  constructor(private readonly directory: DirectoryService) {}

  @ApiList(SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConstituencyDto[]> {
    const parsed = parseListQuery(query, SPEC);
    const [rows, total] = await this.directory.listConstituencies(parsed);
    res.setHeader('Content-Range', contentRange('constituencies', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string): Promise<ConstituencyDetailDto> {
    return this.directory.getConstituency(id);
  }
}
