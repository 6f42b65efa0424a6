import {
  CanActivate,
  Controller,
  ExecutionContext,
  HttpCode,
  Injectable,
  Post,
  Req,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { IntakeReceipt } from '@campaign-desk/contracts';
import { AcceptsBody, AppConfig, Public } from '@campaign-desk/server-core';
import { bearerMatches } from './inbound-token';
import { RFC822 } from './inbound-body.middleware';
import { IntakeService } from './intake.service';

/** Defence in depth: the middleware already checked the token before reading the body. */
@Injectable()
export class InboundTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!bearerMatches(request.headers.authorization, this.config.INBOUND_TOKEN)) {
      throw new UnauthorizedException({ message: 'A valid inbound bearer token is required' });
    }
    return true;
  }
}

@ApiTags('inbound')
@Controller('inbound')
export class InboundController {
  constructor(private readonly intake: IntakeService) {}

  /** One raw RFC 822 message from a mail provider; 202 only once it is committed, 503 when it could not be. */
  @Post('email')
  @Public()
  @UseGuards(InboundTokenGuard)
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiConsumes(RFC822)
  @AcceptsBody(RFC822)
  @ApiBody({ description: 'One raw RFC 822 message', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 202, description: '{messageId, status, duplicate, caseId?, quarantineId?}' })
  @ApiResponse({ status: 401, description: 'Missing or wrong bearer token' })
  @ApiResponse({ status: 413, description: 'Over INTAKE_MAX_MESSAGE_BYTES' })
  @ApiResponse({ status: 503, description: 'Not stored (database unavailable): retry' })
  receive(@Req() req: Request): Promise<IntakeReceipt> {
    return this.intake.accept(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), 'webhook');
  }
}
