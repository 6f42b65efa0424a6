import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiList, contentRange, parseListQuery, Roles, enumFilter, uuidsFilter } from '@campaign-desk/server-core';
import { AuditRepository, type AuditFilterField, type AuditSortField } from './audit.repository';
import { AUDIT_ACTIONS } from '@campaign-desk/contracts';

const SPEC = {
  sortable: ['id', 'at'] as AuditSortField[],
  filterable: ['actorId', 'action', 'entityType', 'entityId'] as AuditFilterField[],
  defaultSort: { field: 'at' as AuditSortField, order: 'DESC' as const },
};

@ApiTags('audit-events')
@Controller('audit-events')
@Roles('admin')
export class AuditEventsController {
  constructor(private readonly repo: AuditRepository) {}

  @ApiList(SPEC)
  @Get()
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const parsed = parseListQuery(query, SPEC);
    enumFilter(parsed.filter, 'action', AUDIT_ACTIONS);
    uuidsFilter(parsed.filter, 'actorId');
    const [rows, total] = await this.repo.list(parsed);
    res.setHeader('Content-Range', contentRange('audit-events', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    if (!/^\d+$/.test(id)) throw new NotFoundException('Audit event not found');
    const row = await this.repo.findOne(id);
    if (!row) throw new NotFoundException('Audit event not found');
    return row;
  }
}
