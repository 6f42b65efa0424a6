import { Body, Controller, Get, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { LetterDraftDto, SessionUser, StaffActor } from '@campaign-desk/contracts';
import { AnyStaff, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CreateLetterDraftDto, MarkLetterSentDto } from './dto/letter.dto';
import { LettersService } from './letters.service';

const MEDIA_TYPES = { pdf: 'application/pdf', txt: 'text/plain; charset=utf-8' } as const;

/** The supporter's letter to their MP, from the case. */
@ApiTags('cases')
@Controller('cases')
export class CaseLetterController {
  constructor(private readonly letters: LettersService) {}

  @Post(':id/letter')
  @Roles('admin', 'caseworker')
  draft(
    @Param('id') id: string,
    @Body() body: CreateLetterDraftDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<LetterDraftDto> {
    return this.letters.draft(id, body, { user, ip });
  }

  @Get(':id/letter')
  @AnyStaff()
  latest(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<LetterDraftDto> {
    return this.letters.latest(id, { user, ip });
  }

  @Get(':id/letter.pdf')
  @ApiProduces('application/pdf')
  @Roles('admin', 'caseworker')
  pdf(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.download(id, 'pdf', { user, ip }, res);
  }

  @Get(':id/letter.txt')
  @ApiProduces('text/plain')
  @Roles('admin', 'caseworker')
  text(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.download(id, 'txt', { user, ip }, res);
  }

  @Post(':id/letter/sent')
  @Roles('admin', 'caseworker')
  markSent(
    @Param('id') id: string,
    @Body() body: MarkLetterSentDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<LetterDraftDto> {
    return this.letters.markSent(id, body, { user, ip });
  }

  private async download(id: string, format: 'pdf' | 'txt', actor: StaffActor, res: Response): Promise<StreamableFile> {
    const { filename, content } = await this.letters.download(id, format, actor);
    res.setHeader('Content-Disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(content, { type: MEDIA_TYPES[format], length: content.length });
  }
}
