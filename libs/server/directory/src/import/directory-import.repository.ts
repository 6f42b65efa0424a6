import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConstituencyRow, LookupRow, PostcodeRanges } from './directory-formats';
import type { MpChangePlan, MpRecord, OpenTenure } from './mp-changes';

export type DatasetName = 'constituencies' | 'mps' | 'postcode_ranges' | 'postcode_sectors' | 'postcode_districts';

const IMPORT_LOCK = 7301002;

/** The import's writes. Bulk rows go in as arrays through `unnest`, one statement per table. */
@Injectable()
export class DirectoryImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One transaction, serialised against any other import by an advisory lock. */
  transaction<T>(fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      return fn(tx);
    });
  }

  async constituencies(tx: EntityManager): Promise<ConstituencyRow[]> {
    return tx.query(`
      SELECT gss_code AS gss, name, name_cy AS "nameCy", nation, region, region_code AS "regionCode", constituency_type AS type
      FROM constituencies`);
  }

  async upsertConstituencies(tx: EntityManager, rows: ConstituencyRow[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO constituencies (gss_code, name, name_cy, nation, region, region_code, constituency_type)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT (gss_code) DO UPDATE SET name = excluded.name, name_cy = excluded.name_cy, nation = excluded.nation,
         region = excluded.region, region_code = excluded.region_code, constituency_type = excluded.constituency_type, updated_at = now()`,
      [
        rows.map((r) => r.gss),
        rows.map((r) => r.name),
        rows.map((r) => r.nameCy),
        rows.map((r) => r.nation),
        rows.map((r) => r.region),
        rows.map((r) => r.regionCode),
        rows.map((r) => r.type),
      ],
    );
  }

  async mpState(
    tx: EntityManager,
  ): Promise<{ mps: MpRecord[]; openTenures: OpenTenure[]; seatsWithHistory: string[] }> {
    const mps: MpRecord[] = await tx.query(
      `SELECT id, name, full_title AS "fullTitle", party, email::text AS email, twfy_person_id AS "twfyPersonId" FROM mps`,
    );
    const openTenures: OpenTenure[] = await tx.query(
      `SELECT id::text AS id, mp_id AS "mpId", constituency_gss AS gss, party, to_char(start_date, 'YYYY-MM-DD') AS "startDate"
       FROM mp_tenures WHERE end_date IS NULL`,
    );
    const seats: { gss: string }[] = await tx.query(`SELECT DISTINCT constituency_gss AS gss FROM mp_tenures`);
    return { mps, openTenures, seatsWithHistory: seats.map((s) => s.gss) };
  }

  async setMpEmails(tx: EntityManager, rows: { id: number; email: string }[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `UPDATE mps SET email = t.email, updated_at = now() FROM unnest($1::int[], $2::citext[]) AS t(id, email) WHERE mps.id = t.id`,
      [rows.map((r) => r.id), rows.map((r) => r.email)],
    );
  }

  async applyMpPlan(tx: EntityManager, plan: MpChangePlan): Promise<void> {
    const mps = [...plan.mpInserts, ...plan.mpUpdates];
    if (mps.length) {
      await tx.query(
        `INSERT INTO mps (id, name, full_title, party, email, twfy_person_id)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::citext[], $6::int[])
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, full_title = excluded.full_title, party = excluded.party,
           email = excluded.email, twfy_person_id = excluded.twfy_person_id, updated_at = now()`,
        [
          mps.map((m) => m.id),
          mps.map((m) => m.name),
          mps.map((m) => m.fullTitle),
          mps.map((m) => m.party),
          mps.map((m) => m.email),
          mps.map((m) => m.twfyPersonId),
        ],
      );
    }
    // Ends first: the unique index allows one open tenure per seat.
    if (plan.tenureEnds.length) {
      await tx.query(
        `UPDATE mp_tenures t SET end_date = u.end_date, end_reason = u.reason
         FROM unnest($1::bigint[], $2::date[], $3::text[]) AS u(id, end_date, reason) WHERE t.id = u.id`,
        [plan.tenureEnds.map((e) => e.id), plan.tenureEnds.map((e) => e.endDate), plan.tenureEnds.map((e) => e.reason)],
      );
    }
    if (plan.tenureStarts.length) {
      const s = plan.tenureStarts;
      await tx.query(
        `INSERT INTO mp_tenures (mp_id, constituency_gss, party, start_date)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[])`,
        [s.map((t) => t.mpId), s.map((t) => t.gss), s.map((t) => t.party), s.map((t) => t.startDate)],
      );
    }
  }

  async knownConstituencies(tx: EntityManager): Promise<Set<string>> {
    const rows: { gss_code: string }[] = await tx.query(`SELECT gss_code FROM constituencies`);
    return new Set(rows.map((r) => r.gss_code));
  }

  async dataset(tx: EntityManager, name: DatasetName): Promise<{ contentHash: string; rowCount: number } | null> {
    const rows: { contentHash: string; rowCount: number }[] = await tx.query(
      `SELECT content_hash AS "contentHash", row_count AS "rowCount" FROM directory_datasets WHERE name = $1`,
      [name],
    );
    return rows[0] ?? null;
  }

  async recordDataset(
    tx: EntityManager,
    name: DatasetName,
    contentHash: string,
    rowCount: number,
    source: string,
    changed: boolean,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO directory_datasets (name, content_hash, row_count, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET content_hash = excluded.content_hash, row_count = excluded.row_count,
         source = excluded.source, checked_at = now(),
         changed_at = CASE WHEN $5 THEN now() ELSE directory_datasets.changed_at END`,
      [name, contentHash, rowCount, source, changed],
    );
  }

  async replaceRanges(tx: EntityManager, ranges: PostcodeRanges): Promise<void> {
    await tx.query(`DELETE FROM postcode_ranges`);
    await tx.query(
      `INSERT INTO postcode_ranges (start_key, constituency_gss) SELECT * FROM unnest($1::bigint[], $2::text[])`,
      [ranges.keys, ranges.gss],
    );
  }

  async replaceLookupTable(tx: EntityManager, kind: 'sector' | 'district', rows: LookupRow[]): Promise<void> {
    const table = kind === 'sector' ? 'postcode_sectors' : 'postcode_districts';
    await tx.query(`DELETE FROM ${table}`);
    await tx.query(
      `INSERT INTO ${table} (${kind}, constituency_gss, n_postcodes, share, rank)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::numeric[], $5::smallint[])`,
      [
        rows.map((r) => r.key),
        rows.map((r) => r.gss),
        rows.map((r) => r.nPostcodes),
        rows.map((r) => r.share),
        rows.map((r) => r.rank),
      ],
    );
  }
}
