import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock } from '@campaign-desk/server-core';

export type OnlineAnswer = { status: 'found'; gss: string } | { status: 'not_found' } | { status: 'unavailable' };

const TIMEOUT_MS = 3_000;
const CACHE_TTL_MS = 24 * 3_600_000;
const CACHE_MAX = 10_000;

interface PostcodesIoBody {
  status?: number;
  result?: { codes?: { parliamentary_constituency_2024?: string | null; parliamentary_constituency?: string | null } };
}

/**
 * Online lookup for Northern Ireland postcodes (no offline data exists for them), against a
 * postcodes.io-compatible `GET /postcodes/{postcode}`. Answers are cached; failures are not,
 * and never throw: the caller falls back to offering the NI constituency list.
 */
@Injectable()
export class PostcodesIoClient {
  private readonly logger = new Logger('directory');
  private readonly cache = new Map<string, { answer: OnlineAnswer; expires: number }>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.POSTCODES_IO_URL);
  }

  /** `compact` is the unspaced, validated postcode. */
  async constituencyFor(compact: string): Promise<OnlineAnswer> {
    if (!this.config.POSTCODES_IO_URL) return { status: 'unavailable' };
    const now = this.clock.now().getTime();
    const cached = this.cache.get(compact);
    if (cached && cached.expires > now) return cached.answer;
    const answer = await this.fetchAnswer(this.config.POSTCODES_IO_URL, compact);
    if (answer.status !== 'unavailable') this.remember(compact, answer, now);
    return answer;
  }

  private async fetchAnswer(base: string, compact: string): Promise<OnlineAnswer> {
    const url = `${base.replace(/\/+$/, '')}/postcodes/${encodeURIComponent(compact)}`;
    try {
      const res = await fetch(url, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      if (res.status === 404) return { status: 'not_found' };
      if (!res.ok) {
        this.logger.warn({ status: res.status }, 'postcodes.io lookup failed');
        return { status: 'unavailable' };
      }
      const body = (await res.json()) as PostcodesIoBody;
      const gss = body.result?.codes?.parliamentary_constituency_2024 ?? body.result?.codes?.parliamentary_constituency;
      if (typeof gss !== 'string' || !/^[EWSN][0-9]{8}$/.test(gss)) {
        this.logger.warn('postcodes.io answered without a constituency code');
        return { status: 'unavailable' };
      }
      return { status: 'found', gss };
    } catch (error) {
      // The postcode itself never reaches the log.
      this.logger.warn({ reason: (error as Error).name }, 'postcodes.io lookup did not answer');
      return { status: 'unavailable' };
    }
  }

  private remember(compact: string, answer: OnlineAnswer, now: number): void {
    if (this.cache.size >= CACHE_MAX) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(compact, { answer, expires: now + CACHE_TTL_MS });
  }
}
