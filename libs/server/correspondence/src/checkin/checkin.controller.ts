import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AcceptsBody, Public } from '@campaign-desk/server-core';
import { ClientIp } from '@campaign-desk/server-auth';
import { CheckinService, type HtmlPage } from './checkin.service';

function send(res: Response, page: HtmlPage): void {
  res
    .status(page.status)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Content-Type', 'text/html; charset=utf-8')
    .send(page.html);
}

/** The public check-in page the supporter's email links to: HTML, no script, no sign-in. */
@ApiExcludeController()
@Controller('public/checkin')
export class CheckinController {
  constructor(private readonly checkins: CheckinService) {}

  @Get(':token')
  @Public()
  async show(@Param('token') token: string, @Query('answer') answer: unknown, @Res() res: Response): Promise<void> {
    send(res, await this.checkins.page(token, answer));
  }

  @Post(':token')
  @Public()
  @AcceptsBody('application/x-www-form-urlencoded')
  async answer(
    @Param('token') token: string,
    @Body() body: Record<string, unknown> | undefined,
    @ClientIp() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const form = body ?? {};
    send(res, await this.checkins.answer(token, form['answer'], ip, form));
  }
}
