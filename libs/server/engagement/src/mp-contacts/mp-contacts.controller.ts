import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  MP_CONTACT_FILTER_FIELDS,
  MP_CONTACT_SORT_FIELDS,
  type MpContactDto,
  type MpResponseDto,
  type ScheduledEmailDto,
  type SessionUser,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { ComposeEmailDto } from '@campaign-desk/server-correspondence';
import { CreateMpResponseDto } from '../mp-responses/dto/mp-response.dto';
import { MpResponsesService } from '../mp-responses/mp-responses.service';
import { CreateMpContactDto } from './dto/mp-contact.dto';
import { MpContactsService } from './mp-contacts.service';

const LIST_SPEC = {
  sortable: MP_CONTACT_SORT_FIELDS,
  filterable: MP_CONTACT_FILTER_FIELDS,
  defaultSort: { field: 'contactedAt' as const, order: 'DESC' as const },
};

/** Case actions: record a contact with the MP, email the MP's office, record the MP's response. */
@ApiTags('cases')
@Controller('cases')
export class CaseEngagementController {
  constructor(
    private readonly contacts: MpContactsService,
    private readonly responses: MpResponsesService,
  ) {}

  @Post(':id/mp-contacts')
  @Roles('admin', 'caseworker')
  recordContact(
    @Param('id') id: string,
    @Body() body: CreateMpContactDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MpContactDto> {
    return this.contacts.record(id, body, { user, ip });
  }

  @Post(':id/mp-email')
  @Roles('admin', 'caseworker')
  emailMp(
    @Param('id') id: string,
    @Body() body: ComposeEmailDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<{ contact: MpContactDto; email: ScheduledEmailDto }> {
    return this.contacts.emailMp(id, body, { user, ip });
  }

  @Post(':id/mp-responses')
  @Roles('admin', 'caseworker')
  recordResponse(
    @Param('id') id: string,
    @Body() body: CreateMpResponseDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MpResponseDto> {
    return this.responses.record(id, body, { user, ip });
  }
}

/** The `mp-contacts` resource across cases. */
@ApiTags('mp-contacts')
@Controller('mp-contacts')
export class MpContactsController {
  constructor(private readonly contacts: MpContactsService) {}

  @ApiList(LIST_SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MpContactDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.contacts.list(parsed, { user, ip });
    res.setHeader('Content-Range', contentRange('mp-contacts', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<MpContactDto> {
    return this.contacts.get(id, { user, ip });
  }
}
