import { Injectable } from '@nestjs/common';
import type { CheckinAnswer } from '@campaign-desk/contracts';
import { AppConfig } from '@campaign-desk/server-core';
import { TrustedLink } from '../templates/template-renderer';
import { createCheckinToken, verifyCheckinToken } from './checkin-token';

/** Used only where CHECKIN_LINK_SECRET is unset, which the config schema refuses in production. */
const DEVELOPMENT_SECRET = 'campaign-desk-development-checkin-secret-not-for-production';

/** Makes and checks the signed, expiring links of the check-in email. */
@Injectable()
export class CheckinLinks {
  private readonly secret: string;

  constructor(private readonly config: AppConfig) {
    this.secret = config.CHECKIN_LINK_SECRET ?? DEVELOPMENT_SECRET;
  }

  /** The three one-click links for one check-in (or reminder) email, valid CHECKIN_LINK_DAYS from `now`. */
  linksFor(scheduledEmailId: string, now: Date): Record<'yesUrl' | 'acknowledgementUrl' | 'noUrl', TrustedLink> {
    const token = createCheckinToken(this.secret, {
      scheduledEmailId,
      expiresAt: new Date(now.getTime() + this.config.CHECKIN_LINK_DAYS * 24 * 3_600_000),
    });
    const link = (answer: CheckinAnswer) =>
      new TrustedLink(`${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/public/checkin/${token}?answer=${answer}`);
    return { yesUrl: link('yes'), acknowledgementUrl: link('acknowledgement'), noUrl: link('no') };
  }

  verify(token: string, now: Date) {
    return verifyCheckinToken(this.secret, token, now);
  }
}
