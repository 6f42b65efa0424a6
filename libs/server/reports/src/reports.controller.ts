import { applyDecorators, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  MAX_REPORT_RANGE_DAYS,
  REPORT_CSV_MEDIA_TYPE,
  REPORT_GROUP_BY,
  type HomeSummary,
  type ReportGroupBy,
  type SessionUser,
} from '@campaign-desk/contracts';
import { AnyStaff } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import type { ResponseFormat } from '@campaign-desk/server-core';
import { ReportsService, type ReportOutput } from './reports.service';

/** Keyed by ResponseFormat, so the document's list of formats cannot miss or invent one. */
const FORMAT_DESCRIPTIONS: Record<ResponseFormat, string> = {
  json: 'the report',
  csv: 'its CSV export, as a download',
};

/** The query every report reads: the format (the document's media types say which Accept asks for CSV). */
const ResponseFormatQuery = () =>
  ApiQuery({
    name: 'format',
    required: false,
    enum: Object.keys(FORMAT_DESCRIPTIONS),
    description: `Overrides Accept, for a plain download link: ${Object.entries(FORMAT_DESCRIPTIONS)
      .map(([format, description]) => `\`${format}\` answers ${description}`)
      .join(', ')}.`,
  });

/** `from` and `to`, the inclusive range of the dated reports. */
const ReportRangeQuery = () =>
  applyDecorators(
    ApiQuery({
      name: 'from',
      required: true,
      schema: { type: 'string', format: 'date' },
      description: 'First day of the range, inclusive (YYYY-MM-DD)',
    }),
    ApiQuery({
      name: 'to',
      required: true,
      schema: { type: 'string', format: 'date' },
      description: `Last day of the range, inclusive, not before \`from\` and within ${MAX_REPORT_RANGE_DAYS} days of it`,
    }),
  );

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
  @ReportRangeQuery()
  @ApiQuery({
    name: 'groupBy',
    required: false,
    schema: { type: 'string', enum: [...REPORT_GROUP_BY], default: 'mp' satisfies ReportGroupBy },
    description: 'What each row counts: `month` keys are YYYY-MM',
  })
  @ResponseFormatQuery()
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
  @ResponseFormatQuery()
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
  @ReportRangeQuery()
  @ResponseFormatQuery()
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
