import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { SessionUser } from '@campaign-desk/contracts';
import { AppConfig, Public } from '@campaign-desk/server-core';
import type { AuthedRequest } from '../access/access.guard';
import { AuthService } from '../sessions/auth.service';
import { LoginService } from './login.service';
import { ClientIp } from '../access/current-user.decorator';
import { LoginDto } from './login.dto';
import { SESSION_COOKIE } from '../sessions/session-token';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or the account is inactive' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address or for this account: wait' })
  @Public()
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @ClientIp() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionUser> {
    const { token, user } = await this.logins.login(body.email, body.password, { ip, userAgent });
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
      path: '/',
      maxAge: this.config.SESSION_MAX_HOURS * 3_600_000,
    });
    return user;
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(
    @Req() req: AuthedRequest,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(req.sessionToken, req.user, ip);
    res.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
    });
  }

  @Get('me')
  @ApiUnauthorizedResponse({ description: 'Not signed in' })
  @Public()
  me(@Req() req: AuthedRequest): SessionUser {
    if (!req.user) throw new UnauthorizedException('Not signed in');
    return req.user;
  }
}
