import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository';
import { PostcodeIndex } from './postcode/postcode-index';

const REFRESH_EVERY_MS = 60_000;

/**
 * Holds the lookup index. Built from Postgres at boot (about 76k small rows: a fraction of a second),
 * so every process answers from memory; rebuilt after an import in this process, and within a
 * minute in every other process, which polls the datasets' change stamp.
 */
@Injectable()
export class DirectoryIndexService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('directory');
  private index = PostcodeIndex.empty();
  private version: string | null = null;
  private timer?: NodeJS.Timeout;
  private lastBuildMs = 0;
  private building?: Promise<void>;

  constructor(private readonly repo: DirectoryRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.refreshIfChanged(), REFRESH_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  current(): PostcodeIndex {
    return this.index;
  }

  isEmpty(): boolean {
    return this.index.isEmpty;
  }

  get buildMs(): number {
    return this.lastBuildMs;
  }

  /** Rebuilds from the database; concurrent callers share one build. */
  reload(): Promise<void> {
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(): Promise<void> {
    const started = performance.now();
    const version = await this.repo.version();
    const snapshot = await this.repo.indexSnapshot();
    this.index = PostcodeIndex.build(snapshot);
    this.version = version;
    this.lastBuildMs = Math.round(performance.now() - started);
    if (this.index.isEmpty) this.logger.warn('The constituency directory is empty: run `npm run directory:import`');
    else this.logger.log({ ...this.index.counts, ms: this.lastBuildMs }, 'Postcode lookup index built');
  }

  private async refreshIfChanged(): Promise<void> {
    try {
      if ((await this.repo.version()) !== this.version) await this.reload();
    } catch (error) {
      this.logger.warn(
        { reason: (error as Error).message },
        'Directory refresh check failed; keeping the current index',
      );
    }
  }
}
