import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type {
  IntakeReceipt,
  MessageDetail,
  MessageSuggestions,
  MessageSummary,
  SessionUser,
} from '@campaign-desk/contracts';
import { AcceptsBody, AnyStaff, ApiList, contentRange, parseListQuery, Roles } from '@campaign-desk/server-core';
import { ClientIp, CurrentUser } from '@campaign-desk/server-auth';
import { IntakeService } from '../inbound/intake.service';
import { RFC822 } from '../inbound/inbound-body.middleware';
import type { MessageFilterField, MessageSortField } from './messages.repository';
import { SuggestionsService } from '../triage/suggestions.service';
import { BulkMessagesDto, MessageHtmlQueryDto, TriageMessageDto } from './message-actions.dto';
import { MessagesService } from './messages.service';

const LIST_SPEC = {
  sortable: ['id', 'receivedAt'] as MessageSortField[],
  filterable: ['q', 'classification', 'status', 'direction', 'caseId', 'supporterId', 'triage'] as MessageFilterField[],
  defaultSort: { field: 'receivedAt' as MessageSortField, order: 'DESC' as const },
};

export const MAX_UPLOAD_FILES = 20;

interface UploadedEml {
  originalname: string;
  buffer: Buffer;
  size: number;
}

@ApiTags('messages')
@Controller('messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly intake: IntakeService,
    private readonly suggestions: SuggestionsService,
  ) {}

  /** `filter={"triage":true}`: the triage inbox (unthreaded requests nobody has triaged), newest first. */
  @ApiList(LIST_SPEC)
  @Get()
  @AnyStaff()
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageSummary[]> {
    const parsed = parseListQuery(query, LIST_SPEC);
    const [rows, total] = await this.messages.list(parsed, { user, ip });
    res.setHeader('Content-Range', contentRange('messages', parsed.offset, rows.length, total));
    return rows;
  }

  @Get('counts')
  @AnyStaff()
  counts() {
    return this.messages.counts();
  }

  /** One or more .eml files (multipart field `files`) or one raw message/rfc822 body; the same store-first path as the webhook. */
  @Post('upload')
  @Roles('admin', 'caseworker')
  @HttpCode(202)
  @UseInterceptors(FilesInterceptor('files', MAX_UPLOAD_FILES))
  @ApiConsumes('multipart/form-data', RFC822)
  @AcceptsBody('multipart/form-data', RFC822)
  @ApiBody({
    schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } },
  })
  async upload(
    @Req() req: Request,
    @UploadedFiles() files: UploadedEml[] | undefined,
    @CurrentUser() user: SessionUser,
  ): Promise<IntakeReceipt[]> {
    const bodies = files?.length
      ? files.map((f) => f.buffer)
      : Buffer.isBuffer(req.body) && req.body.length
        ? [req.body]
        : [];
    if (!bodies.length)
      throw new BadRequestException({
        message: 'Attach .eml files as "files", or send one message/rfc822 body',
        fields: { files: 'no message was sent' },
      });
    const receipts: IntakeReceipt[] = [];
    for (const body of bodies) receipts.push(await this.intake.accept(body, 'upload', { uploadedBy: user.id }));
    return receipts;
  }

  @Post('bulk')
  @Roles('admin', 'caseworker')
  @HttpCode(200)
  bulk(
    @Body() body: BulkMessagesDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<{ updated: string[] }> {
    return this.messages.markSpam(body.ids, { user, ip });
  }

  @Get(':id')
  @AnyStaff()
  get(@Param('id') id: string, @CurrentUser() user: SessionUser, @ClientIp() ip: string): Promise<MessageDetail> {
    return this.messages.get(id, { user, ip });
  }

  /** The sanitised message as a document for a sandboxed iframe, under its own strict CSP. */
  @Get(':id/html')
  @ApiProduces('text/html')
  @Roles('admin', 'caseworker')
  async html(
    @Param('id') id: string,
    @Query() query: MessageHtmlQueryDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { document, csp } = await this.messages.htmlDocument(id, query.images === '1', { user, ip });
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    return document;
  }

  /** Always a download, typed by its bytes (never the sender's claim). */
  @Get(':id/attachments/:n')
  @Roles('admin', 'caseworker')
  async attachment(
    @Param('id') id: string,
    @Param('n') n: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.messages.attachment(id, /^\d{1,6}$/.test(n) ? Number(n) : -1, { user, ip });
    res.attachment(file.filename);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.content, { type: file.contentType, length: file.content.length });
  }

  @Get(':id/suggestions')
  @Roles('admin', 'caseworker')
  suggest(
    @Param('id') id: string,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MessageSuggestions> {
    return this.suggestions.suggest(id, { user, ip });
  }

  @Post(':id/triage')
  @Roles('admin', 'caseworker')
  @HttpCode(200)
  triage(
    @Param('id') id: string,
    @Body() body: TriageMessageDto,
    @CurrentUser() user: SessionUser,
    @ClientIp() ip: string,
  ): Promise<MessageDetail> {
    return this.messages.triage(id, body, { user, ip });
  }
}
