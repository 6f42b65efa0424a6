import { HttpException, HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, producerConnection } from '@campaign-desk/server-core';

/**
 * Sign-in attempts per client address and per email, shared by every API process through Redis.
 * If Redis is unreachable an in-memory limiter stands in, so sign-in is never unlimited.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly redis;
  private readonly limiter: RateLimiterRedis;

  constructor(config: AppConfig) {
    this.redis = producerConnection(config.REDIS_URL);
    this.redis.on('error', () => undefined);
    const points = config.LOGIN_RATE_LIMIT_PER_MINUTE;
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${config.QUEUE_PREFIX}:login`,
      points,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
    });
  }

  /** Counts one attempt; throws 429 with Retry-After once either key is over its limit. */
  async consume(ip: string, email: string): Promise<void> {
    const emailKey = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    try {
      await Promise.all([this.limiter.consume(`ip:${ip}`), this.limiter.consume(`email:${emailKey}`)]);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new HttpException(
          { message: `Too many sign-in attempts; try again in ${seconds} seconds`, retryAfterSeconds: seconds },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
