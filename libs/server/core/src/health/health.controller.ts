import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../http/access.decorators';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** 200 when Postgres and Redis both answer, 503 naming the one that does not. */
  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 1_500 }),
      () => this.redis.check('redis'),
    ]);
  }
}
