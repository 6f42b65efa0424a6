import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SessionUser } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { SubjectAccessExportService } from './subject-access-export.service';

@ApiTags('privacy')
@Controller('supporters/:id/subject-access-export')
export class SubjectAccessExportController {
  constructor(private readonly exports: SubjectAccessExportService) {}

  /** Everything held about the supporter: a ZIP of JSON files, their emails and attachments, and a PDF summary (audited). */
  @Get()
  @Roles('admin')
  @ApiProduces('application/zip')
  async export(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.exports.export(id, { id: user.id, ip });
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(content, { type: 'application/zip', length: content.length });
  }
}
