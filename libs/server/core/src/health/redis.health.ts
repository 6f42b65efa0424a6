import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { producerConnection } from '../queue/redis-connection';

@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis;

  constructor(
    config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.redis = producerConnection(config.REDIS_URL);
    this.redis.on('error', () => undefined);
  }

  async check(key = 'redis') {
    const probe = this.indicator.check(key);
    try {
      const started = Date.now();
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), 1_000)),
      ]);
      return probe.up({ latencyMs: Date.now() - started });
    } catch (error) {
      return probe.down({ message: (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
