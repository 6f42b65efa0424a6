import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { CheckinAnswer } from '@campaign-desk/contracts';
import { AppConfig, InstallSettings } from '@campaign-desk/server-core';
import { TrustedLink } from '../templates/template-renderer';
import { createCheckinToken, verifyCheckinToken } from './checkin-token';

/**
 * Makes and checks the signed, expiring links of the check-in email. The key is CHECKIN_LINK_SECRET
 * (which production must set: the config refuses to start without it); elsewhere it is a random
 * secret generated once per installation and kept in `install_settings`, so the API and the worker
 * share it and nobody can derive it from the source.
 */
@Injectable()
export class CheckinLinks {
  private secret: Promise<string> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly settings: InstallSettings,
  ) {}

  /** The three one-click links for one check-in (or reminder) email, valid CHECKIN_LINK_DAYS from `now`. */
  async linksFor(
    scheduledEmailId: string,
    now: Date,
  ): Promise<Record<'yesUrl' | 'acknowledgementUrl' | 'noUrl', TrustedLink>> {
    const token = createCheckinToken(await this.key(), {
      scheduledEmailId,
      expiresAt: new Date(now.getTime() + this.config.CHECKIN_LINK_DAYS * 24 * 3_600_000),
    });
    const link = (answer: CheckinAnswer) =>
      new TrustedLink(`${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/public/checkin/${token}?answer=${answer}`);
    return { yesUrl: link('yes'), acknowledgementUrl: link('acknowledgement'), noUrl: link('no') };
  }

  async verify(token: string, now: Date) {
    return verifyCheckinToken(await this.key(), token, now);
  }

  private key(): Promise<string> {
    if (this.config.CHECKIN_LINK_SECRET) return Promise.resolve(this.config.CHECKIN_LINK_SECRET);
    this.secret ??= this.settings
      .getOrCreate('checkin_link_secret', () => randomBytes(32).toString('base64url'))
      .catch((error: unknown) => {
        this.secret = null;
        throw error;
      });
    return this.secret;
  }
}
