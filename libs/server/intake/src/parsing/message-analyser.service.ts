import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@campaign-desk/server-core';
import type { AnalysisOutcome } from '../mime/analyse-message';
import { ParseThreadPool } from '../mime/parse-thread-pool';

/** The worker's parse threads, sized and capped from the configuration. */
@Injectable()
export class MessageAnalyserService implements OnModuleInit, OnApplicationShutdown {
  private readonly pool: ParseThreadPool;

  constructor(config: AppConfig) {
    this.pool = new ParseThreadPool({
      size: config.INTAKE_PARSE_THREADS,
      timeoutMs: config.INTAKE_PARSE_TIMEOUT_MS,
      memoryMb: config.INTAKE_PARSE_MEMORY_MB,
      limits: { maxHeaderBytes: config.INTAKE_MAX_HEADER_BYTES, maxParts: config.INTAKE_MAX_PARTS },
    });
  }

  onModuleInit(): void {
    this.pool.warmUp();
  }

  analyse(raw: Buffer): Promise<AnalysisOutcome> {
    return this.pool.analyse(raw);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
