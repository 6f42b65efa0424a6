import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CaseDetail, SessionUser } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CasesService } from '../cases/cases.service';
import { TransitionCaseDto } from './case-workflow.dto';
import { CaseWorkflowService } from './case-workflow.service';

/** Moving a case through its statuses. */
@ApiTags('cases')
@Controller('cases')
export class CaseWorkflowController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
  ) {}

  /** 409 with `allowed` for a move the workflow does not allow. */
  @Post(':id/transition')
  @HttpCode(200)
  @Roles('admin', 'caseworker')
  async transition(
    @Param('id') id: string,
    @Body() body: TransitionCaseDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<CaseDetail> {
    await this.workflow.transition(id, body, { id: user.id, ip });
    return this.cases.readDetailUnaudited(id);
  }
}
