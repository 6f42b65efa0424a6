import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@campaign-desk/contracts';
import { AppConfig, Clock } from '@campaign-desk/server-core';
import { AuditService } from '@campaign-desk/server-audit';
import { SessionsRepository } from './sessions.repository';
import { hashSessionToken } from './session-token';
import { StaffUsersRepository } from '../staff-users/staff-users.repository';
import { toSessionUser } from '../staff-users/staff-user.mapper';

const TOUCH_EVERY_MS = 60_000;

/** Signed-in sessions: who a cookie belongs to, signing out, and purging expired sessions. */
@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly users: StaffUsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

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
