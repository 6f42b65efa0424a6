import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { SessionUser } from '@campaign-desk/contracts';
import { AppConfig, Clock } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { SessionsRepository } from './sessions.repository';
import { LoginRateLimiter } from '../login/login-rate-limiter';
import { hashSessionToken, newSessionToken } from './session-token';
import { StaffUsersRepository } from '../staff-users/staff-users.repository';
import { verifyAgainstDummy, verifyPassword } from '../staff-users/password';
import { toSessionUser } from '../staff-users/staff-user.mapper';

export interface LoginContext {
  ip: string;
  userAgent?: string;
}

const TOUCH_EVERY_MS = 60_000;

@Injectable()
export class AuthService {
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
    await this.limiter.consume(context.ip, email);
    const user = await this.users.findWithPasswordByEmail(email.trim());
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
      throw new UnauthorizedException('Email or password is incorrect');
    }
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

  async logout(token: string | undefined, user: SessionUser | undefined, ip: string): Promise<void> {
    if (token) await this.sessions.deleteByTokenHash(hashSessionToken(token));
    if (user)
      await this.audit.record({
        actorId: user.id,
        action: 'auth.logout',
        entityType: 'staff_user',
        entityId: user.id,
        ip,
      });
  }

  /** The signed-in user for a cookie token, or null when the session is missing, idle too long, expired or its user inactive. */
  async resolve(token: string | undefined): Promise<SessionUser | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashSessionToken(token);
    const session = await this.sessions.findByTokenHash(tokenHash);
    if (!session) return null;
    const now = this.clock.now();
    const idleLimit = this.config.SESSION_IDLE_MINUTES * 60_000;
    if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > idleLimit) {
      await this.sessions.deleteByTokenHash(tokenHash);
      return null;
    }
    const user = await this.users.findById(session.userId);
    if (!user || !user.active) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(session.id, now);
    return toSessionUser(user);
  }

  async purgeExpiredSessions(): Promise<number> {
    const now = this.clock.now();
    return this.sessions.purgeExpired(now, new Date(now.getTime() - this.config.SESSION_IDLE_MINUTES * 60_000));
  }
}
