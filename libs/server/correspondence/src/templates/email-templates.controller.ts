import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EmailTemplateDto, RenderedEmail, SessionUser } from '@campaign-desk/contracts';
import { ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { CurrentUser } from '@campaign-desk/server-auth';
import { PreviewTemplateDto, UpdateTemplateDto } from './dto/template.dto';
import { EmailTemplatesService } from './email-templates.service';

const LIST_SPEC = {
  sortable: ['id', 'key'] as const,
  filterable: [] as const,
  defaultSort: { field: 'key' as const, order: 'ASC' as const },
};

/** The `templates` resource: caseworkers read them to compose; admins edit (each save is a new version). */
@ApiTags('templates')
@Controller('templates')
export class EmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @ApiList(LIST_SPEC)
  @Get()
  @Roles('admin', 'caseworker')
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EmailTemplateDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const { field, order } = parsed.sort;
    const rows = (await this.templates.list()).sort(
      (a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0) * (order === 'ASC' ? 1 : -1),
    );
    const ids =
      parsed.filter.id === undefined
        ? null
        : new Set((Array.isArray(parsed.filter.id) ? parsed.filter.id : [parsed.filter.id]).map(String));
    const matching = ids ? rows.filter((r) => ids.has(r.id)) : rows;
    const page = matching.slice(parsed.offset, parsed.offset + parsed.limit);
    res.setHeader('Content-Range', contentRange('templates', parsed.offset, page.length, matching.length));
    return page;
  }

  @Get(':key')
  @Roles('admin', 'caseworker')
  get(@Param('key') key: string): Promise<EmailTemplateDto> {
    return this.templates.get(key);
  }

  @Put(':key')
  @Roles('admin')
  update(
    @Param('key') key: string,
    @Body() body: UpdateTemplateDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<EmailTemplateDto> {
    return this.templates.update(key, { subject: body.subject, body: body.body }, actor);
  }

  @Post(':key/preview')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  preview(@Param('key') key: string, @Body() body: PreviewTemplateDto): Promise<RenderedEmail> {
    return this.templates.preview(key, body);
  }
}
