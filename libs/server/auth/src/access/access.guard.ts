import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { SessionUser, StaffRole } from '@campaign-desk/contracts';
import { PUBLIC_KEY, ROLES_KEY } from '@campaign-desk/server-core';
import { AuthService } from '../sessions/auth.service';
import { SESSION_COOKIE } from '../sessions/session-token';

export interface AuthedRequest extends Request {
  user?: SessionUser;
  sessionToken?: string;
}

/**
 * The role guard every controller goes through (registered globally).
 * Deny by default: a handler that declares neither @Roles nor @Public answers 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    request.sessionToken = token;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      // Public handlers still learn who is signed in (logout, me), but never require it.
      request.user = (await this.auth.resolve(token)) ?? undefined;
      return true;
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[]>(ROLES_KEY, targets);
    if (!roles) throw new ForbiddenException('This endpoint declares no access rule');
    const user = await this.auth.resolve(token);
    if (!user) throw new UnauthorizedException('Sign in to continue');
    request.user = user;
    if (!roles.includes(user.role)) throw new ForbiddenException(`This needs the ${roles.join(' or ')} role`);
    return true;
  }
}
