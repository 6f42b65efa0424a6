import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CaseNoteDto, SessionUser } from '@campaign-desk/contracts';
import { Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { CaseNoteBodyDto } from './case-note.dto';
import { CaseNotesService } from './case-notes.service';

/** A case's notes. */
@ApiTags('cases')
@Controller('cases/:id')
export class CaseNotesController {
  constructor(private readonly notes: CaseNotesService) {}

  @Post('notes')
  @Roles('admin', 'caseworker')
  add(
    @Param('id') id: string,
    @Body() body: CaseNoteBodyDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<CaseNoteDto> {
    return this.notes.add(id, body.body, { id: user.id, ip });
  }

  /** Only the author, and only within 15 minutes of writing it (otherwise 403). */
  @Put('notes/:noteId')
  @Roles('admin', 'caseworker')
  edit(
    @Param('id') id: string,
    @Param('noteId') noteId: string,
    @Body() body: CaseNoteBodyDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<CaseNoteDto> {
    return this.notes.edit(id, noteId, body.body, { id: user.id, ip });
  }
}
