import { BadRequestException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type {
  CONSTITUENCY_SORT_FIELDS,
  ConstituencyDetailDto,
  ConstituencyDto,
  LookupCandidate,
  MpDetailDto,
  MP_SORT_FIELDS,
  MpDto,
  PostcodeLookupResult,
} from '@campaign-desk/contracts';
import {
  flagFilter,
  type ListQuery,
  positiveIntegersFilter,
  textFilter,
  textsFilter,
} from '@campaign-desk/server-core';
import { DirectoryIndexService } from './directory-index.service';
import { toConstituencyDto, toMpDto, toTenureDto } from './directory.mapper';
import { DirectoryRepository } from './directory.repository';
import { parsePostcode, type ParsedPostcode } from './postcode/postcode-format';
import type { IndexedConstituency } from './postcode/postcode-index';
import { PostcodesIoClient } from './postcode/postcodes-io.client';

export type ConstituencyFilterField = 'q' | 'nation' | 'region' | 'party';
export type ConstituencySortField = (typeof CONSTITUENCY_SORT_FIELDS)[number];
export type MpFilterField = 'q' | 'nation' | 'region' | 'party' | 'current' | 'constituencyId';
export type MpSortField = (typeof MP_SORT_FIELDS)[number];

export type PostcodeProblem = 'required' | 'format' | 'outside_parliament' | 'not_found' | 'not_full';

/** A 400 naming the field, saying why, with a machine-readable reason for the dashboard. */
export function postcodeError(field: string, reason: PostcodeProblem, detail: string): BadRequestException {
  return new BadRequestException({ message: `${field} ${detail}`, fields: { [field]: detail }, reason });
}

const NI_MESSAGE =
  'Northern Ireland postcodes are not covered by the offline lookup: choose the constituency from the 18 Northern Ireland seats listed.';

/** Constituencies, MPs and postcode lookup. Lookups answer from the in-memory index; lists from Postgres. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly indexes: DirectoryIndexService,
    private readonly online: PostcodesIoClient,
    private readonly repo: DirectoryRepository,
  ) {}

  /** A full postcode, a sector (`SW1A 1`) or a district (`SW1A`). */
  lookup(raw: unknown, field = 'postcode'): Promise<PostcodeLookupResult> {
    return this.resolve(this.parse(raw, field), field);
  }

  /** A supporter's address postcode: only a full postcode will do. */
  lookupAddress(raw: unknown, field = 'postcode'): Promise<PostcodeLookupResult> {
    const postcode = this.parse(raw, field);
    if (postcode.kind !== 'full') throw postcodeError(field, 'not_full', 'must be a full postcode, like SW1A 1AA');
    return this.resolve(postcode, field);
  }

  /** A constituency and its current MP, from memory. */
  constituency(gss: string): IndexedConstituency | null {
    return this.indexes.current().constituency(gss) ?? null;
  }

  /** Real postcodes with a trusted exact answer (for demo data). */
  realPostcodes() {
    return this.indexes.current().realPostcodes();
  }

  status() {
    return this.repo.datasets().then((datasets) => ({
      index: {
        ...this.indexes.current().counts,
        builtAt: this.indexes.current().builtAt.toISOString(),
        buildMs: this.indexes.buildMs,
      },
      onlineLookup: this.online.enabled,
      datasets,
    }));
  }

  async listConstituencies(
    query: ListQuery<ConstituencyFilterField, ConstituencySortField>,
  ): Promise<[ConstituencyDto[], number]> {
    const f = query.filter;
    const [rows, total] = await this.repo.listConstituencies(
      {
        ids: textsFilter(f, 'id'),
        nations: textsFilter(f, 'nation'),
        regions: textsFilter(f, 'region'),
        parties: textsFilter(f, 'party'),
        q: textFilter(f, 'q'),
      },
      query,
    );
    return [rows.map(toConstituencyDto), total];
  }

  async getConstituency(gss: string): Promise<ConstituencyDetailDto> {
    const row = /^[EWSN][0-9]{8}$/.test(gss) ? await this.repo.findConstituency(gss) : null;
    if (!row) throw new NotFoundException('Constituency not found');
    const tenures = await this.repo.tenures({ gss });
    return { ...toConstituencyDto(row), tenures: tenures.map(toTenureDto) };
  }

  async listMps(query: ListQuery<MpFilterField, MpSortField>): Promise<[MpDto[], number]> {
    const f = query.filter;
    const ids = positiveIntegersFilter(f, 'id', 'MP member ids')?.map(String);
    const [rows, total] = await this.repo.listMps(
      {
        ids,
        nations: textsFilter(f, 'nation'),
        regions: textsFilter(f, 'region'),
        parties: textsFilter(f, 'party'),
        constituencyIds: textsFilter(f, 'constituencyId'),
        current: flagFilter(f, 'current'),
        q: textFilter(f, 'q'),
      },
      query,
    );
    return [rows.map((m) => toMpDto(m, m.tenure ? (this.constituency(m.tenure.gss)?.summary ?? null) : null)), total];
  }

  /** For intake's role labels: which of these addresses are an MP's office (lower-cased). */
  async mpAddresses(addresses: string[]): Promise<Set<string>> {
    return new Set(await this.repo.mpAddresses([...new Set(addresses.map((a) => a.toLowerCase()))]));
  }

  async getMp(id: string): Promise<MpDetailDto> {
    const [rows] = /^\d{1,9}$/.test(id)
      ? await this.repo.listMps({ ids: [id] }, { sort: { field: 'name', order: 'ASC' }, offset: 0, limit: 1 })
      : [[]];
    const mp = rows[0];
    if (!mp) throw new NotFoundException('MP not found');
    const tenures = await this.repo.tenures({ mpId: mp.id });
    return {
      ...toMpDto(mp, mp.tenure ? (this.constituency(mp.tenure.gss)?.summary ?? null) : null),
      tenures: tenures.map(toTenureDto),
    };
  }

  private parse(raw: unknown, field: string): ParsedPostcode {
    const parsed = parsePostcode(raw);
    if (!parsed.ok) throw postcodeError(field, parsed.reason, parsed.detail);
    return parsed.postcode;
  }

  private async resolve(postcode: ParsedPostcode, field: string): Promise<PostcodeLookupResult> {
    const index = this.indexes.current();
    if (index.isEmpty) {
      throw new ServiceUnavailableException(
        'The constituency directory has not been imported yet: run `npm run directory:import`',
      );
    }
    if (postcode.northernIreland) return this.resolveNorthernIreland(postcode, field);
    const found = index.resolve(postcode);
    if (!found)
      throw postcodeError(
        field,
        'not_found',
        `${postcode.normalised} was not found in the postcode directory (the format is valid)`,
      );
    return answer(postcode.normalised, found.method, found.candidates);
  }

  private async resolveNorthernIreland(postcode: ParsedPostcode, field: string): Promise<PostcodeLookupResult> {
    if (postcode.kind === 'full' && this.online.enabled) {
      const online = await this.online.constituencyFor(postcode.compact);
      if (online.status === 'not_found')
        throw postcodeError(field, 'not_found', `${postcode.normalised} was not found by the online postcode lookup`);
      const seat = online.status === 'found' ? this.constituency(online.gss) : undefined;
      if (seat) return answer(postcode.normalised, 'online', [{ constituency: seat.summary, mp: seat.mp, share: 1 }]);
      return this.notCovered(
        postcode,
        'The online postcode lookup is unavailable just now: choose the constituency from the 18 Northern Ireland seats listed.',
      );
    }
    return this.notCovered(postcode, NI_MESSAGE);
  }

  private notCovered(postcode: ParsedPostcode, message: string): PostcodeLookupResult {
    const seats = [...this.indexes.current().constituencies()]
      .filter((c) => c.summary.nation === 'Northern Ireland')
      .sort((a, b) => a.summary.name.localeCompare(b.summary.name))
      .map((c) => ({ constituency: c.summary, mp: c.mp, share: null }));
    return {
      postcode: postcode.normalised,
      constituency: null,
      mp: null,
      method: 'not_covered',
      ambiguous: true,
      candidates: seats,
      message,
    };
  }
}

function answer(
  postcode: string,
  method: PostcodeLookupResult['method'],
  candidates: readonly LookupCandidate[],
): PostcodeLookupResult {
  const best = candidates[0];
  return {
    postcode,
    constituency: best.constituency,
    mp: best.mp,
    method,
    ambiguous: candidates.length > 1,
    candidates: candidates as LookupCandidate[],
  };
}
