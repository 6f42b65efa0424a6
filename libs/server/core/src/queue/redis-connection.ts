import IORedis, { type RedisOptions } from 'ioredis';

/**
 * Connections as BullMQ's production guide says: producers fail fast when Redis is down
 * (no offline queue, one retry), workers block and retry forever (`maxRetriesPerRequest: null`).
 */
export function producerConnection(url: string): IORedis {
  return new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 3_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  } satisfies RedisOptions);
}

export function workerConnection(url: string): IORedis {
  return new IORedis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}
