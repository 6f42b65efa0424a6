import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { EntityManager } from 'typeorm';
import { AppConfig, Clock, InstallSettings, reservedStandIn } from '@campaign-desk/server-core';
import { DirectoryIndexService } from '../directory-index.service';
import { DirectoryRepository } from '../directory.repository';
import {
  DirectoryImportError,
  decodeRanges,
  parseConstituencies,
  parseLookupTable,
  parseMps,
  type ConstituencyRow,
  type LookupRow,
  type MpSeatRow,
  type PostcodeRanges,
} from './directory-formats';
import { DirectoryImportRepository, type DatasetName } from './directory-import.repository';
import { readSource, resolveSources, type DirectorySources } from './directory-sources';
import { planMpChanges, type SeatChange } from './mp-changes';

export interface DatasetOutcome {
  rows: number;
  previousRows: number | null;
  changed: boolean;
}

export interface DirectoryImportReport {
  sources: DirectorySources;
  constituencies: { added: number; updated: number; unchanged: number };
  mps: { added: number; updated: number };
  tenures: { started: number; ended: number; initial: number };
  seatChanges: SeatChange[];
  missingSeats: string[];
  postcodes: { ranges: DatasetOutcome; sectors: DatasetOutcome; districts: DatasetOutcome };
  changed: boolean;
  durationMs: number;
}

interface ParsedInputs {
  constituencies: ConstituencyRow[];
  mps: MpSeatRow[];
  ranges: PostcodeRanges;
  sectors: LookupRow[];
  districts: LookupRow[];
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Loads constituencies, MPs and the postcode tables from files or URLs. Idempotent: unchanged
 * constituencies and MPs are left alone, unchanged postcode tables are skipped by content hash,
 * and MP changes end and start tenures (see planMpChanges). All in one transaction.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly repo: DirectoryImportRepository,
    private readonly index: DirectoryIndexService,
    private readonly reads: DirectoryRepository,
    private readonly settings: InstallSettings,
  ) {}

  /** `../shared/data/uk-parliament` (from SHARED_DATA_DIR) unless told otherwise. */
  defaultFrom(): string {
    return resolve(this.config.SHARED_DATA_DIR, 'uk-parliament');
  }

  async run(options: { from?: string; sources?: Partial<DirectorySources> } = {}): Promise<DirectoryImportReport> {
    const started = Date.now();
    const sources = resolveSources(options.from ?? this.defaultFrom(), options.sources);
    const inputs = await this.readInputs(sources);
    if (await this.settings.get('demo_seed')) inputs.mps = inputs.mps.map(withStandInAddress);
    const report = await this.repo.transaction((tx) => this.apply(tx, inputs, sources));
    if (report.changed) await this.index.reload();
    return { ...report, durationMs: Date.now() - started };
  }

  /**
   * The demo database's MPs get stand-in addresses at a reserved domain (`….invalid`), so nothing
   * the demo schedules can reach a real office; imports into a demo database keep doing so.
   */
  async useStandInAddresses(): Promise<number> {
    const changed = await this.repo.transaction(async (tx) => {
      const mps = (await this.repo.mpState(tx)).mps.filter((m) => m.email && reservedStandIn(m.email) !== m.email);
      await this.repo.setMpEmails(
        tx,
        mps.map((m) => ({ id: m.id, email: reservedStandIn(m.email!) })),
      );
      return mps.length;
    });
    if (changed) await this.index.reload();
    return changed;
  }

  /** True when no constituencies are loaded yet (quick start and demo seeding import then). */
  async isEmpty(): Promise<boolean> {
    return (await this.reads.constituencyCount()) === 0;
  }

  private async readInputs(sources: DirectorySources): Promise<ParsedInputs> {
    const reads = await Promise.allSettled([
      readSource(sources.constituencies, 'constituencies'),
      readSource(sources.mps, 'MPs'),
      readSource(sources.postcodeRanges, 'postcode ranges'),
      readSource(sources.postcodeCodes, 'postcode codes'),
      readSource(sources.postcodeSectors, 'postcode sectors'),
      readSource(sources.postcodeDistricts, 'postcode districts'),
    ]);
    // The first unreadable file in this order is the one named, whichever read failed first.
    const failed = reads.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [constituencies, mps, ranges, codes, sectors, districts] = reads.map(
      (r) => (r as PromiseFulfilledResult<string>).value,
    );
    const parsed = {
      constituencies: parseConstituencies(constituencies, sources.constituencies),
      mps: parseMps(mps, sources.mps),
      ranges: decodeRanges(ranges, codes, sources.postcodeRanges),
      sectors: parseLookupTable(sectors, sources.postcodeSectors, 'sector'),
      districts: parseLookupTable(districts, sources.postcodeDistricts, 'district'),
    };
    fillWelshNames(parsed.constituencies, codes);
    return parsed;
  }

  private async apply(
    tx: EntityManager,
    inputs: ParsedInputs,
    sources: DirectorySources,
  ): Promise<Omit<DirectoryImportReport, 'durationMs'>> {
    const constituencies = await this.applyConstituencies(tx, inputs.constituencies, sources.constituencies);
    const known = await this.repo.knownConstituencies(tx);
    assertKnown(
      known,
      inputs.mps.map((r) => r.gss),
      sources.mps,
    );
    assertKnown(
      known,
      inputs.sectors.map((r) => r.gss),
      sources.postcodeSectors,
    );
    assertKnown(
      known,
      inputs.districts.map((r) => r.gss),
      sources.postcodeDistricts,
    );
    assertKnown(
      known,
      inputs.ranges.gss.filter((g): g is string => g !== null),
      sources.postcodeRanges,
    );

    const state = await this.repo.mpState(tx);
    const names = new Map(inputs.constituencies.map((c) => [c.gss, c.name]));
    const plan = planMpChanges(
      {
        mps: new Map(state.mps.map((m) => [m.id, m])),
        openTenures: new Map(state.openTenures.map((t) => [t.gss, t])),
        seatsWithHistory: new Set(state.seatsWithHistory),
        constituencyNames: names,
      },
      inputs.mps,
      this.today(),
    );
    await this.repo.applyMpPlan(tx, plan);
    const mpsChanged =
      plan.mpInserts.length + plan.mpUpdates.length + plan.tenureEnds.length + plan.tenureStarts.length > 0;
    await this.repo.recordDataset(tx, 'mps', hashOf(inputs.mps), inputs.mps.length, sources.mps, mpsChanged);

    const ranges = await this.replaceIfChanged(
      tx,
      'postcode_ranges',
      inputs.ranges,
      inputs.ranges.keys.length,
      sources.postcodeRanges,
      () => this.repo.replaceRanges(tx, inputs.ranges),
    );
    const sectors = await this.replaceIfChanged(
      tx,
      'postcode_sectors',
      inputs.sectors,
      inputs.sectors.length,
      sources.postcodeSectors,
      () => this.repo.replaceLookupTable(tx, 'sector', inputs.sectors),
    );
    const districts = await this.replaceIfChanged(
      tx,
      'postcode_districts',
      inputs.districts,
      inputs.districts.length,
      sources.postcodeDistricts,
      () => this.repo.replaceLookupTable(tx, 'district', inputs.districts),
    );
    return {
      sources,
      constituencies,
      mps: { added: plan.mpInserts.length, updated: plan.mpUpdates.length },
      tenures: { started: plan.tenureStarts.length, ended: plan.tenureEnds.length, initial: plan.initialTenures },
      seatChanges: plan.seatChanges,
      missingSeats: plan.missingSeats,
      postcodes: { ranges, sectors, districts },
      changed:
        constituencies.added + constituencies.updated > 0 ||
        mpsChanged ||
        ranges.changed ||
        sectors.changed ||
        districts.changed,
    };
  }

  private async applyConstituencies(tx: EntityManager, rows: ConstituencyRow[], source: string) {
    const existing = new Map((await this.repo.constituencies(tx)).map((c) => [c.gss, c]));
    const changed = rows.filter((row) => {
      const old = existing.get(row.gss);
      return !old || (Object.keys(row) as (keyof ConstituencyRow)[]).some((k) => row[k] !== old[k]);
    });
    await this.repo.upsertConstituencies(tx, changed);
    const added = changed.filter((r) => !existing.has(r.gss)).length;
    await this.repo.recordDataset(tx, 'constituencies', hashOf(rows), rows.length, source, changed.length > 0);
    return { added, updated: changed.length - added, unchanged: rows.length - changed.length };
  }

  private async replaceIfChanged(
    tx: EntityManager,
    name: DatasetName,
    content: unknown,
    rows: number,
    source: string,
    replace: () => Promise<void>,
  ): Promise<DatasetOutcome> {
    const hash = hashOf(content);
    const previous = await this.repo.dataset(tx, name);
    const changed = previous?.contentHash !== hash;
    if (changed) await replace();
    await this.repo.recordDataset(tx, name, hash, rows, source, changed);
    return { rows, previousRows: previous?.rowCount ?? null, changed };
  }

  /** The calendar date in London: tenures change on UK dates. */
  private today(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(this.clock.now());
  }
}

function assertKnown(known: Set<string>, codes: string[], label: string): void {
  const unknown = [...new Set(codes.filter((c) => !known.has(c)))];
  if (unknown.length) {
    throw new DirectoryImportError(
      `${label}: ${unknown.length} constituency code(s) not in the constituency list, e.g. ${unknown.slice(0, 3).join(', ')}`,
    );
  }
}

/** The House of Commons Library format has no Welsh names; mySociety's code table does. */
function fillWelshNames(rows: ConstituencyRow[], codesText: string): void {
  if (rows.every((r) => r.nameCy !== null || r.nation !== 'Wales')) return;
  const codes = JSON.parse(codesText) as Record<
    string,
    { parlcon_2024_gss_code?: string; parlcon_2024_name_cy?: string | null }
  >;
  const welsh = new Map(Object.values(codes).map((c) => [c.parlcon_2024_gss_code, c.parlcon_2024_name_cy ?? null]));
  for (const row of rows) if (row.nameCy === null) row.nameCy = welsh.get(row.gss) ?? null;
}

function withStandInAddress(row: MpSeatRow): MpSeatRow {
  return row.email ? { ...row, email: reservedStandIn(row.email) } : row;
}
