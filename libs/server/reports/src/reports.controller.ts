import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REPORT_CSV_MEDIA_TYPE, type HomeSummary, type SessionUser } from '@campaign-desk/contracts';
import { AnyStaff } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { ReportsService, type ReportOutput } from './reports.service';

/** Writes a CSV export as a download; JSON goes back as the handler's value. */
function send<T>(res: Response, output: ReportOutput<T>): T | string {
  if (output.format === 'json') return output.body;
  res.setHeader('Content-Type', `${REPORT_CSV_MEDIA_TYPE}; charset=utf-8`);
  res.setHeader('Content-Disposition', `attachment; filename="${output.filename}"`);
  return output.body;
}

/** Reports (DESIGN §1.7): every staff role may read them, viewers included; none carries health details. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('mp-engagement')
  @AnyStaff()
  @ApiProduces('application/json', REPORT_CSV_MEDIA_TYPE)
  async mpEngagement(
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.reports.mpEngagement({ query, accept, user, ip }));
  }

  @Get('workload')
  @AnyStaff()
  @ApiProduces('application/json', REPORT_CSV_MEDIA_TYPE)
  async workload(
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.reports.workload({ query, accept, user, ip }));
  }

  @Get('topics-by-nation')
  @AnyStaff()
  @ApiProduces('application/json', REPORT_CSV_MEDIA_TYPE)
  async topicsByNation(
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return send(res, await this.reports.topicsByNation({ query, accept, user, ip }));
  }

  @Get('summary')
  @AnyStaff()
  summary(
    @Query() query: Record<string, unknown>,
    @Headers('accept') accept: string | undefined,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<HomeSummary> {
    return this.reports.summary({ query, accept, user, ip });
  }
}
