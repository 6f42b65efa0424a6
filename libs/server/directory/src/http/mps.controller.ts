import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MP_FILTER_FIELDS, MP_SORT_FIELDS, type MpDetailDto, type MpDto } from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery } from '@campaign-desk/server-core';
import { DirectoryService, type MpFilterField, type MpSortField } from '../directory.service';

const SPEC = {
  sortable: MP_SORT_FIELDS as readonly MpSortField[],
  filterable: MP_FILTER_FIELDS as readonly MpFilterField[],
  defaultSort: { field: 'name' as MpSortField, order: 'ASC' as const },
  maxPageSize: 650,
};

@ApiTags('mps')
@Controller('mps')
export class MpsController {
  constructor(private readonly directory: DirectoryService) {}

  @ApiList(SPEC)
  @Get()
  @AnyStaff()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response): Promise<MpDto[]> {
    const parsed = parseListQuery(query, SPEC);
    const [rows, total] = await this.directory.listMps(parsed);
    res.setHeader('Content-Range', contentRange('mps', parsed.offset, rows.length, total));
    return rows;
  }

  /** The MP with every tenure recorded (by-elections and defections end one and start another). */
  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string): Promise<MpDetailDto> {
    return this.directory.getMp(id);
  }
}
