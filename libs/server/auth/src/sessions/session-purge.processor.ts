import { Injectable, Logger } from '@nestjs/common';
import { JobHandler } from '@campaign-desk/server-core';
import { AuthService } from './auth.service';

/** Worker-side: deletes sessions past their idle or absolute expiry. */
@Injectable()
export class SessionPurgeProcessor {
  private readonly logger = new Logger(SessionPurgeProcessor.name);

  constructor(private readonly auth: AuthService) {}

  @JobHandler('maintenance.purge-sessions')
  async purge(): Promise<{ removed: number }> {
    const removed = await this.auth.purgeExpiredSessions();
    if (removed) this.logger.log(`removed ${removed} expired sessions`);
    return { removed };
  }
}
