import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { SessionUser } from '@campaign-desk/contracts';
import { AppConfig, Clock } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { hashSessionToken, newSessionToken } from '../sessions/session-token';
import { SessionsRepository } from '../sessions/sessions.repository';
import { verifyAgainstDummy, verifyPassword } from '../staff-users/password';
import { toSessionUser } from '../staff-users/staff-user.mapper';
import { StaffUsersRepository } from '../staff-users/staff-users.repository';
import { accountKey, LoginRateLimiter } from './login-rate-limiter';

export interface LoginContext {
  ip: string;
  userAgent?: string;
}

/**
 * Signing in (API only): rate-limited per address and per account (with a back-off after repeated failures),
 * then a session for the right password.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly users: StaffUsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  /** Checks the password and opens a session; the same 401 whatever was wrong. */
  async login(email: string, password: string, context: LoginContext): Promise<{ token: string; user: SessionUser }> {
    await this.limiter.consumeAddress(context.ip);
    const user = await this.users.findWithPasswordByEmail(email.trim());
    const limitKey = accountKey(user, email);
    await this.limiter.consumeAccount(limitKey);
    const ok =
      user && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !ok) {
      await this.audit.record({
        actorId: user?.id ?? null,
        action: 'auth.login_failed',
        entityType: 'staff_user',
        entityId: user?.id,
        ip: context.ip,
        details: { reason: !user ? 'unknown_email' : !user.active ? 'inactive' : 'wrong_password' },
      });
      await this.limiter.recordFailure(limitKey);
      throw new UnauthorizedException('Email or password is incorrect');
    }
    await this.limiter.recordSuccess(limitKey);
    const now = this.clock.now();
    const token = newSessionToken();
    await this.sessions.create({
      tokenHash: hashSessionToken(token),
      userId: user.id,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000),
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 300) ?? null,
    });
    await this.users.update(user.id, { lastLoginAt: now });
    await this.audit.record({
      actorId: user.id,
      action: 'auth.login',
      entityType: 'staff_user',
      entityId: user.id,
      ip: context.ip,
    });
    return { token, user: toSessionUser(user) };
  }
}
