import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SessionUser, TriageRuleDto } from '@campaign-desk/contracts';
import { ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { CurrentUser } from '@campaign-desk/server-auth';
import type { TriageRuleFilterField, TriageRuleSortField } from './triage-rules.repository';
import { CreateTriageRuleDto, UpdateTriageRuleDto } from './triage-rule.dto';
import { TriageRulesService } from './triage-rules.service';

const LIST_SPEC = {
  sortable: ['id', 'keyword', 'createdAt'] as TriageRuleSortField[],
  filterable: ['q', 'topic', 'priority', 'active'] as TriageRuleFilterField[],
  defaultSort: { field: 'keyword' as TriageRuleSortField, order: 'ASC' as const },
};

/** Keyword rules for triage suggestions: caseworkers read them, admins edit them. */
@ApiTags('triage-rules')
@Controller('triage-rules')
export class TriageRulesController {
  constructor(private readonly rules: TriageRulesService) {}

  @ApiList(LIST_SPEC)
  @Get()
  @Roles('admin', 'caseworker')
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TriageRuleDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.rules.list(parsed);
    res.setHeader('Content-Range', contentRange('triage-rules', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  @Roles('admin', 'caseworker')
  get(@Param('id') id: string): Promise<TriageRuleDto> {
    return this.rules.get(id);
  }

  @Post()
  @Roles('admin')
  create(@Body() body: CreateTriageRuleDto, @CurrentUser() actor: SessionUser): Promise<TriageRuleDto> {
    return this.rules.create(
      {
        keyword: body.keyword,
        topic: body.topic ?? null,
        priority: body.priority ?? null,
        active: body.active ?? true,
      },
      actor,
    );
  }

  @Put(':id')
  @Roles('admin')
  update(
    @Param('id') id: string,
    @Body() body: UpdateTriageRuleDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<TriageRuleDto> {
    const { keyword, topic, priority, active } = body;
    const changes = Object.fromEntries(
      Object.entries({ keyword, topic, priority, active }).filter(([, v]) => v !== undefined),
    );
    return this.rules.update(id, changes, actor);
  }

  @Delete(':id')
  @Roles('admin')
  remove(@Param('id') id: string, @CurrentUser() actor: SessionUser): Promise<TriageRuleDto> {
    return this.rules.remove(id, actor);
  }
}
