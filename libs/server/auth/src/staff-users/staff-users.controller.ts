import { Body, Controller, Delete, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SessionUser, StaffUserDto } from '@campaign-desk/contracts';
import { ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { CurrentUser } from '../access/current-user.decorator';
import { CreateStaffUserDto, UpdateStaffUserDto } from './staff-user.dto';
import { StaffUsersService } from './staff-users.service';
import type { StaffUserFilterField, StaffUserSortField } from './staff-users.repository';

const LIST_SPEC = {
  sortable: ['id', 'name', 'email', 'role', 'active', 'createdAt', 'lastLoginAt'] as StaffUserSortField[],
  filterable: ['q', 'role', 'active'] as StaffUserFilterField[],
  defaultSort: { field: 'name' as StaffUserSortField, order: 'ASC' as const },
};

@ApiTags('staff-users')
@Controller('staff-users')
@Roles('admin')
export class StaffUsersController {
  constructor(private readonly service: StaffUsersService) {}

  @ApiList(LIST_SPEC)
  @Get()
  async list(
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StaffUserDto[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.service.list(parsed);
    res.setHeader('Content-Range', contentRange('staff-users', parsed.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<StaffUserDto> {
    return this.service.get(id);
  }

  @Post()
  create(@Body() body: CreateStaffUserDto, @CurrentUser() actor: SessionUser): Promise<StaffUserDto> {
    return this.service.create(body, actor);
  }

  @Put(':id')
  update(
    @Param('id') id: string,
    @Body() body: UpdateStaffUserDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<StaffUserDto> {
    return this.service.update(id, body, actor);
  }

  @Delete(':id')
  deactivate(@Param('id') id: string, @CurrentUser() actor: SessionUser): Promise<StaffUserDto> {
    return this.service.deactivate(id, actor);
  }
}
