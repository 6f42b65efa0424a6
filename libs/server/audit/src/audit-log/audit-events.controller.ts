import { Controller, Get, Headers, NotFoundException, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuditEventDto, SessionUser } from '@campaign-desk/contracts';
import { ApiList, contentRange, csvOrJson, parseListQuery, Roles } from '@campaign-desk/server-core';
import type { AuditFilterField, AuditSortField } from './audit.repository';
import { AuditLogService } from './audit-log.service';
import { Readable } from 'node:stream';

const SPEC = {
  sortable: ['id', 'at'] as AuditSortField[],
  filterable: ['actorId', 'action', 'entityType', 'entityId', 'at_gte', 'at_lte'] as AuditFilterField[],
  defaultSort: { field: 'at' as AuditSortField, order: 'DESC' as const },
};

/** The audit log (admins): who read or changed which record, and when. CSV to `Accept: text/csv`. */
@ApiTags('audit-events')
@Controller('audit-events')
@Roles('admin')
export class AuditEventsController {
  constructor(private readonly log: AuditLogService) {}

  @ApiList(SPEC)
  @ApiProduces('application/json', 'text/csv')
  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditEventDto[] | StreamableFile> {
    const { format, ...rest } = query;
    const parsed = parseListQuery(rest, SPEC);
    if (csvOrJson(accept, format) === 'csv') {
      const user = (res.req as typeof res.req & { user: SessionUser }).user;
      res.setHeader('Cache-Control', 'no-store');
      const chunks = this.log.exportCsv(parsed.filter, { id: user.id, ip: res.req.ip ?? null });
      const first = await chunks.next();
      const stream = Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* chunks;
        })(),
      );
      return new StreamableFile(stream, {
        type: 'text/csv; charset=utf-8',
        disposition: 'attachment; filename="audit-log.csv"',
      });
    }
    const [rows, total] = await this.log.list(parsed);
    res.setHeader('Content-Range', contentRange('audit-events', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<AuditEventDto> {
    const row = await this.log.get(id);
    if (!row) throw new NotFoundException('Audit event not found');
    return row;
  }
}
