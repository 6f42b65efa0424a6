import { Controller, Get, NotFoundException, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { QuarantinedMessageDto, SessionUser } from '@campaign-desk/contracts';
import { ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import type { QuarantineFilterField, QuarantineSortField } from './quarantine.repository';
import { QuarantineService } from './quarantine.service';

const LIST_SPEC = {
  sortable: ['id', 'quarantinedAt'] as QuarantineSortField[],
  filterable: ['reason'] as QuarantineFilterField[],
  defaultSort: { field: 'quarantinedAt' as QuarantineSortField, order: 'DESC' as const },
};

/** Messages intake could not parse, with why; the raw message stays downloadable for a person to look at. */
@ApiTags('quarantined-messages')
@Controller('quarantined-messages')
@Roles('admin', 'caseworker')
export class QuarantineController {
  constructor(private readonly quarantine: QuarantineService) {}

  @ApiList(LIST_SPEC)
  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<QuarantinedMessageDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.quarantine.list(parsed);
    res.setHeader('Content-Range', contentRange('quarantined-messages', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<QuarantinedMessageDto> {
    return this.quarantine.get(id);
  }

  @Get(':id/raw')
  @ApiProduces('message/rfc822')
  async raw(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const raw = await this.quarantine.raw(id, { user, ip });
    if (!raw) throw new NotFoundException('Quarantined message not found');
    res.attachment(`${id}.eml`);
    res.setHeader('Content-Type', 'message/rfc822');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(raw, { type: 'message/rfc822', length: raw.length });
  }
}
