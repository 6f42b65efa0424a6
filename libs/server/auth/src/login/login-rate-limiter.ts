import { HttpException, HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, producerConnection } from '@campaign-desk/server-core';

const FAILURE_MEMORY_SECONDS = 24 * 3_600;

/**
 * What the per-account limits are keyed on: the matched account's id, so every spelling Postgres' case-insensitive
 * match accepts (`vİewer@…`, `VIEWER@…`) counts against one account; for an email no account has, its normalised
 * form (trimmed, NFKC, lower case).
 */
export function accountKey(account: { id: string } | null, email: string): string {
  if (account) return `account:${account.id}`;
  const normalised = email.trim().normalize('NFKC').toLowerCase();
  return `email:${createHash('sha256').update(normalised).digest('hex')}`;
}

function tooMany(msBeforeNext: number): HttpException {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpException(
    { message: `Too many sign-in attempts; try again in ${seconds} seconds`, retryAfterSeconds: seconds },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/**
 * Sign-in attempts per client address and per account (LOGIN_RATE_LIMIT_PER_MINUTE each), plus a growing back-off:
 * after LOGIN_BACKOFF_AFTER_FAILURES failures in a row an account is locked for LOGIN_BACKOFF_BASE_SECONDS, doubling
 * with each further failure up to LOGIN_BACKOFF_MAX_SECONDS; a successful sign-in clears it. Shared by every API
 * process through Redis; if Redis is unreachable in-memory limiters stand in, so sign-in is never unlimited.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly redis;
  private readonly attempts: RateLimiterRedis;
  private readonly failures: RateLimiterRedis;
  private readonly locks: RateLimiterRedis;

  constructor(private readonly config: AppConfig) {
    this.redis = producerConnection(config.REDIS_URL);
    this.redis.on('error', () => undefined);
    const limiter = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.QUEUE_PREFIX}:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.attempts = limiter('login', config.LOGIN_RATE_LIMIT_PER_MINUTE, 60);
    this.failures = limiter('login-failures', Number.MAX_SAFE_INTEGER, FAILURE_MEMORY_SECONDS);
    this.locks = limiter('login-lock', 1, 1);
  }

  /** Counts one attempt from the address; 429 with Retry-After once it is over its limit. */
  consumeAddress(ip: string): Promise<void> {
    return this.consume(`ip:${ip}`);
  }

  /** Refuses while the account is backed off, then counts one attempt against it. */
  async consumeAccount(key: string): Promise<void> {
    const lock = await this.locks.get(key);
    if (lock && lock.consumedPoints > 1 && lock.msBeforeNext > 0) throw tooMany(lock.msBeforeNext);
    await this.consume(key);
  }

  /** A wrong password (or an unknown email): from the threshold on, the lock doubles with each failure. */
  async recordFailure(key: string): Promise<void> {
    const { consumedPoints: failures } = await this.failures.penalty(key, 1);
    const over = failures - this.config.LOGIN_BACKOFF_AFTER_FAILURES;
    if (over < 0) return;
    const seconds = Math.min(
      this.config.LOGIN_BACKOFF_MAX_SECONDS,
      this.config.LOGIN_BACKOFF_BASE_SECONDS * 2 ** Math.min(over, 30),
    );
    await this.locks.block(key, seconds);
  }

  async recordSuccess(key: string): Promise<void> {
    await Promise.all([this.failures.delete(key), this.locks.delete(key)]);
  }

  private async consume(key: string): Promise<void> {
    try {
      await this.attempts.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooMany(error.msBeforeNext);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
