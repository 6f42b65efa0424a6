import { Client } from 'pg';
import IORedis from 'ioredis';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { migrateConfigured } from './database/migrate';

/** Prints a plain message and exits non-zero instead of a stack trace loop. */
export function exitWith(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

export function loadConfigOrExit(): AppConfig {
  try {
    return new AppConfig(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) exitWith(error.message);
    throw error;
  }
}

function describe(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

export async function checkPostgres(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    exitWith(
      `Cannot reach Postgres at ${describe(url)} (DATABASE_URL): ${(error as Error).message}.\nStart it, or set DATABASE_URL.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(url: string): Promise<void> {
  const redis = new IORedis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3_000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    exitWith(
      `Cannot reach Redis at ${describe(url)} (REDIS_URL): ${(error as Error).message}.\nStart it, or set REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Everything a process checks before Nest starts: config, Postgres, Redis, and (optionally) migrations. */
export async function preflight(options: { migrate: boolean }): Promise<AppConfig> {
  const config = loadConfigOrExit();
  await checkPostgres(config.DATABASE_URL);
  await checkRedis(config.REDIS_URL);
  if (options.migrate) await migrateConfigured(config);
  return config;
}
