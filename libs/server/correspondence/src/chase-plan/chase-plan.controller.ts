import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CHASE_TASK_FILTER_FIELDS,
  CHASE_TASK_SORT_FIELDS,
  type ChasePlanSettings,
  type ChaseTaskDto,
  type SessionUser,
} from '@campaign-desk/contracts';
import { AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { CurrentUser } from '@campaign-desk/server-auth';
import { ChasePlanService } from './chase-plan.service';
import { ChaseTasksService } from './chase-tasks.service';
import { ChasePlanSettingsDto } from './dto/chase-plan.dto';

const TASK_LIST = {
  sortable: CHASE_TASK_SORT_FIELDS,
  filterable: CHASE_TASK_FILTER_FIELDS,
  defaultSort: { field: 'dueAt' as const, order: 'ASC' as const },
};

@ApiTags('chase-plan')
@Controller('chase-plan')
export class ChasePlanController {
  constructor(private readonly plans: ChasePlanService) {}

  @Get()
  @AnyStaff()
  get(): Promise<ChasePlanSettings> {
    return this.plans.settings();
  }

  @Put()
  @Roles('admin')
  update(@Body() body: ChasePlanSettingsDto, @CurrentUser() user: SessionUser): Promise<ChasePlanSettings> {
    return this.plans.updateSettings(body, user);
  }
}

/** The caseworker's telephone tasks (`chase-tasks`). */
@ApiTags('chase-tasks')
@Controller('chase-tasks')
export class ChaseTasksController {
  constructor(private readonly tasks: ChaseTasksService) {}

  @ApiList(TASK_LIST)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChaseTaskDto[]> {
    const parsed = parseListQuery(query, TASK_LIST);
    const [rows, total] = await this.tasks.list(parsed);
    res.setHeader('Content-Range', contentRange('chase-tasks', parsed.offset, rows.length, total));
    return rows;
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  complete(@Param('id') id: string, @CurrentUser() user: SessionUser): Promise<ChaseTaskDto> {
    return this.tasks.complete(id, user);
  }
}
