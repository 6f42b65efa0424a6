import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BulkAssignResult, CaseAssigneeOption, CaseDetail, SessionUser } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CasesService } from '../cases/cases.service';
import { AssignCaseDto, BulkAssignCasesDto } from './case-assignment.dto';
import { CaseAssignmentService } from './case-assignment.service';

/** Who works a case: the assignee options, one case's assignee, many cases at once. */
@ApiTags('cases')
@Controller('cases')
export class CaseAssignmentController {
  constructor(
    private readonly cases: CasesService,
    private readonly assignment: CaseAssignmentService,
  ) {}

  /** Who a case can be assigned to, with their open-case counts. */
  @Get('assignees')
  @Roles('admin', 'caseworker')
  assignees(): Promise<CaseAssigneeOption[]> {
    return this.assignment.assignees();
  }

  @Post('bulk-assign')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  bulkAssign(
    @Body() body: BulkAssignCasesDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<BulkAssignResult> {
    return this.assignment.bulkAssign(body.ids, body.assigneeId, { id: user.id, ip });
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  async assign(
    @Param('id') id: string,
    @Body() body: AssignCaseDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<CaseDetail> {
    await this.assignment.assign(id, body.assigneeId, { id: user.id, ip });
    return this.cases.readDetailUnaudited(id);
  }
}
