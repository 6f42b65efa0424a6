import { BadRequestException, Injectable } from '@nestjs/common';
import type { TimelineEntry } from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import type { CaseReader } from '../cases/cases.types';
import { CaseLookup } from '../cases/case-lookup';
import { CaseTimelineSources, type TimelineReader } from './case-timeline-source';
import { mergeTimeline } from './merge-timeline';

/** A timeline is read by merging pages; beyond this depth the dashboard should narrow by kind. */
const MAX_TIMELINE_DEPTH = 5_000;

/** Reads a case's timeline: every registered source merged, newest first. Every read is audited. */
@Injectable()
export class CaseTimelineService {
  constructor(
    private readonly sources: CaseTimelineSources,
    private readonly lookup: CaseLookup,
    private readonly audit: AuditService,
  ) {}

  async page(
    id: string,
    range: { offset: number; limit: number; kinds?: string[] },
    reader: CaseReader,
  ): Promise<[TimelineEntry[], number]> {
    const found = await this.lookup.require(id);
    if (range.offset + range.limit > MAX_TIMELINE_DEPTH) {
      throw new BadRequestException({
        message: `range goes deeper than ${MAX_TIMELINE_DEPTH} entries`,
        fields: { range: `must end before ${MAX_TIMELINE_DEPTH}` },
      });
    }
    const known = this.sources.kinds();
    const unknown = range.kinds?.find((k) => !known.includes(k));
    if (unknown)
      throw new BadRequestException({
        message: `filter kind "${unknown}" is not one of ${known.join(', ')}`,
        fields: { filter: `kind must be one of ${known.join(', ')}` },
      });
    const sources = this.sources.all().filter((s) => !range.kinds || range.kinds.includes(s.kind));
    const timelineReader: TimelineReader = { user: reader.user, readHealthDetails: reader.readHealthDetails };
    const results = await Promise.all(
      sources.map((s) => s.latest(found.id, range.offset + range.limit, timelineReader)),
    );
    const total = results.reduce((sum, r) => sum + r.total, 0);
    const entries = mergeTimeline(
      results.map((r) => r.entries),
      range.offset,
      range.limit,
    );
    await this.audit.record({
      actorId: reader.user.id,
      ip: reader.ip,
      action: 'case.timeline_read',
      entityType: 'case',
      entityId: found.id,
      details: {
        offset: range.offset,
        limit: range.limit,
        redacted: !reader.readHealthDetails,
        ids: entries.map((e) => e.id),
      },
    });
    return [entries, total];
  }
}
