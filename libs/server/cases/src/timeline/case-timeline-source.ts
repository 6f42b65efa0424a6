import { Injectable } from '@nestjs/common';
import type { SessionUser, TimelineEntry } from '@campaign-desk/contracts';

/** Who is reading a timeline; sources leave out bodies when `readHealthDetails` is false. */
export interface TimelineReader {
  user: SessionUser;
  readHealthDetails: boolean;
}

/**
 * One kind of thing on a case's timeline (messages, notes, status changes, MP contacts…).
 * A domain lib implements it in a provider over its own service or repository and registers it
 * at start; the timeline merges every registered source, newest first:
 *
 *   @Injectable()
 *   export class MpContactsTimelineSource implements CaseTimelineSource, OnModuleInit {
 *     readonly kind = 'mp_contact';
 *     constructor(private readonly sources: CaseTimelineSources, private readonly contacts: MpContactsRepository) {}
 *     onModuleInit() { this.sources.register(this); }
 *     async latest(caseId, limit) { const [rows, total] = await this.contacts.latestForCase(caseId, limit); return { entries: rows.map(toEntry), total }; }
 *   }
 */
export interface CaseTimelineSource {
  /** The `kind` of the entries it answers; one source per kind. */
  readonly kind: string;
  /** The case's newest `limit` entries, newest first (`at` then `id`, descending), and how many it has in all. */
  latest(caseId: string, limit: number, reader: TimelineReader): Promise<{ entries: TimelineEntry[]; total: number }>;
}

/** The sources the timeline merges. Sources register themselves (no lookup by name, no locator). */
@Injectable()
export class CaseTimelineSources {
  private readonly sources = new Map<string, CaseTimelineSource>();

  register(source: CaseTimelineSource): void {
    if (this.sources.has(source.kind))
      throw new Error(`A case timeline source for "${source.kind}" is already registered`);
    this.sources.set(source.kind, source);
  }

  all(): CaseTimelineSource[] {
    return [...this.sources.values()];
  }

  kinds(): string[] {
    return [...this.sources.keys()];
  }
}
