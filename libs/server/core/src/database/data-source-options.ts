import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** One definition of how every process reaches Postgres. Schema changes go through migrations only. */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5_000,
      // Fail a statement rather than hang a request forever when Postgres stalls.
      statement_timeout: 30_000,
      application_name: 'campaign-desk',
    },
  };
}
