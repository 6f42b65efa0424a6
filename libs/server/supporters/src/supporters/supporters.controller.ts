import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  SUPPORTER_FILTER_FIELDS,
  SUPPORTER_SORT_FIELDS,
  SUPPORTER_VIEWER_FILTER_FIELDS,
  SUPPORTER_VIEWER_SORT_FIELDS,
  type ConsentChangeDto,
  type SessionUser,
  type SupporterDto,
  type SupporterSummaryDto,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CreateSupporterDto, UpdateSupporterDto } from './supporter.dto';
import { SupportersService } from './supporters.service';

const STAFF_SPEC = {
  sortable: SUPPORTER_SORT_FIELDS,
  filterable: SUPPORTER_FILTER_FIELDS,
  defaultSort: { field: 'name' as const, order: 'ASC' as const },
};
const VIEWER_SPEC = {
  sortable: SUPPORTER_VIEWER_SORT_FIELDS,
  filterable: SUPPORTER_VIEWER_FILTER_FIELDS,
  defaultSort: { field: 'createdAt' as const, order: 'DESC' as const },
};

/**
 * Viewers (reports and read-only lists) see a supporter's constituency, MP and on-hold flag: enough
 * to read a list or a report. They never see the name, email, phone, address, postcode, consents or
 * the on-hold reason (often a bereavement), and cannot search or sort by what they cannot see.
 * Caseworkers and admins see and edit everything; only admins delete. Every read is audited.
 */
@ApiTags('supporters')
@Controller('supporters')
export class SupportersController {
  constructor(private readonly supporters: SupportersService) {}

  @ApiList(STAFF_SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<(SupporterDto | SupporterSummaryDto)[]> {
    const parsed = parseListQuery(query, user.role === 'viewer' ? VIEWER_SPEC : STAFF_SPEC);
    const [rows, total] = await this.supporters.listFor(parsed, { user, ip });
    res.setHeader('Content-Range', contentRange('supporters', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @AnyStaff()
  get(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<SupporterDto | SupporterSummaryDto> {
    return this.supporters.read(id, { user, ip });
  }

  /** Every change of the supporter's consents (old → new, who, how, wording version), newest first. */
  @Get(':id/consent-history')
  @Roles('admin', 'caseworker')
  consentHistory(@Param('id') id: string): Promise<ConsentChangeDto[]> {
    return this.supporters.consentHistoryOf(id);
  }

  /** 409 `{existingId, matchedOn}` for a likely duplicate unless `createAnyway` is true. */
  @Post()
  @Roles('admin', 'caseworker')
  create(
    @Body() body: CreateSupporterDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<SupporterDto> {
    return this.supporters.create(body, { id: user.id, ip });
  }

  @Put(':id')
  @Roles('admin', 'caseworker')
  update(
    @Param('id') id: string,
    @Body() body: UpdateSupporterDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<SupporterDto> {
    return this.supporters.update(id, body, { id: user.id, ip });
  }

  @Delete(':id')
  @Roles('admin')
  remove(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<SupporterDto> {
    return this.supporters.remove(id, { id: user.id, ip });
  }
}
