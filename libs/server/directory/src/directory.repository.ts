import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Nation, TenureEndReason } from '@campaign-desk/contracts';
import { ADDRESS_FAILING_SQL } from './address-status/mp-address-status.repository';
import type { PostcodeIndexInput } from './postcode/postcode-index';

export interface ConstituencyListFilter {
  ids?: string[];
  nations?: string[];
  regions?: string[];
  parties?: string[];
  q?: string;
}

export interface MpListFilter extends ConstituencyListFilter {
  current?: boolean;
  constituencyIds?: string[];
}

export interface Page<S extends string> {
  sort: { field: S; order: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
}

export interface ConstituencyRecord {
  gss: string;
  name: string;
  nameCy: string | null;
  nation: Nation;
  region: string;
  regionCode: string | null;
  type: string | null;
  mpId: number | null;
  mpName: string | null;
  mpParty: string | null;
  mpEmail: string | null;
}

export interface MpRecordRow {
  id: number;
  name: string;
  fullTitle: string | null;
  party: string;
  email: string | null;
  twfyPersonId: number | null;
  /** Set while the MP's current address is failing (a hard bounce came back from it). */
  addressFailingSince: Date | null;
}

export interface TenureRecord {
  id: string;
  mpId: number;
  mpName: string;
  gss: string;
  constituencyName: string;
  party: string;
  startDate: string | null;
  endDate: string | null;
  endReason: TenureEndReason | null;
}

const SORT_SQL = { id: 'c.gss_code', name: 'lower(c.name)', nation: 'c.nation', region: 'c.region' } as const;
const MP_SORT_SQL = { id: 'm.id', name: 'lower(m.name)', party: 'm.party' } as const;
const TENURE_COLUMNS = `t.id::text AS id, t.mp_id AS "mpId", m.name AS "mpName", t.constituency_gss AS gss, c.name AS "constituencyName",
  t.party, to_char(t.start_date, 'YYYY-MM-DD') AS "startDate", to_char(t.end_date, 'YYYY-MM-DD') AS "endDate", t.end_reason AS "endReason"`;

/** Reads of the directory tables: the lookup index snapshot and the constituency and MP lists. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Which of these addresses are an MP's (mps.email is citext: compared without regard to case). */
  async mpAddresses(addresses: string[]): Promise<string[]> {
    if (!addresses.length) return [];
    const rows: { email: string }[] = await this.dataSource.query(
      `SELECT DISTINCT lower(email::text) AS email FROM mps WHERE email = ANY($1::citext[])`,
      [addresses],
    );
    return rows.map((r) => r.email);
  }

  async indexSnapshot(): Promise<PostcodeIndexInput> {
    const [constituencies, ranges, sectors, districts] = await Promise.all([
      this.dataSource.query(`
        SELECT c.gss_code AS gss, c.name, c.name_cy AS "nameCy", c.nation, c.region,
               m.id AS "mpId", m.name AS "mpName", t.party AS "mpParty", m.email::text AS "mpEmail"
        FROM constituencies c
        LEFT JOIN mp_tenures t ON t.constituency_gss = c.gss_code AND t.end_date IS NULL
        LEFT JOIN mps m ON m.id = t.mp_id`),
      // Two arrays in one row parse far faster than 54k row objects; float8 comes back as numbers.
      this.dataSource.query(
        `SELECT coalesce(array_agg(start_key::float8 ORDER BY start_key), '{}') AS keys,
                coalesce(array_agg(constituency_gss ORDER BY start_key), '{}') AS gss FROM postcode_ranges`,
      ),
      this.dataSource.query(
        `SELECT sector AS key, constituency_gss AS gss, share::float8 AS share, rank FROM postcode_sectors`,
      ),
      this.dataSource.query(
        `SELECT district AS key, constituency_gss AS gss, share::float8 AS share, rank FROM postcode_districts`,
      ),
    ]);
    return {
      constituencies: (constituencies as ConstituencyRecord[]).map((c) => ({
        summary: { id: c.gss, name: c.name, nameCy: c.nameCy, nation: c.nation, region: c.region },
        mp: c.mpId === null ? null : { id: c.mpId, name: c.mpName!, party: c.mpParty!, email: c.mpEmail },
      })),
      ranges: { keys: ranges[0].keys, gss: ranges[0].gss },
      sectors,
      districts,
    };
  }

  /** Changes whenever an import changed anything: running processes compare it to rebuild their index. */
  async version(): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT max(changed_at)::text AS version FROM directory_datasets`);
    return row?.version ?? null;
  }

  async constituencyCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM constituencies`);
    return row.n;
  }

  async datasets(): Promise<{ name: string; rowCount: number; source: string; checkedAt: Date; changedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT name, row_count AS "rowCount", source, checked_at AS "checkedAt", changed_at AS "changedAt" FROM directory_datasets ORDER BY name`,
    );
  }

  async listConstituencies(
    filter: ConstituencyListFilter,
    page: Page<keyof typeof SORT_SQL>,
  ): Promise<[ConstituencyRecord[], number]> {
    const where = new Where();
    if (filter.ids) where.add((p) => `c.gss_code = ANY(${p(filter.ids)})`);
    if (filter.nations) where.add((p) => `c.nation = ANY(${p(filter.nations)})`);
    if (filter.regions) where.add((p) => `c.region = ANY(${p(filter.regions)})`);
    if (filter.parties) where.add((p) => `t.party = ANY(${p(filter.parties)})`);
    const q = filter.q;
    if (q) {
      where.add((p) => {
        const term = p(like(q));
        return `(lower(c.name) LIKE ${term} OR lower(coalesce(c.name_cy, '')) LIKE ${term} OR lower(coalesce(m.name, '')) LIKE ${term} OR c.gss_code = ${p(q.trim().toUpperCase())})`;
      });
    }
    const from = `FROM constituencies c
      LEFT JOIN mp_tenures t ON t.constituency_gss = c.gss_code AND t.end_date IS NULL
      LEFT JOIN mps m ON m.id = t.mp_id ${where.sql}`;
    const order = `${SORT_SQL[page.sort.field]} ${page.sort.order}, c.gss_code ${page.sort.order}`;
    const rows = await this.dataSource.query(
      `SELECT c.gss_code AS gss, c.name, c.name_cy AS "nameCy", c.nation, c.region, c.region_code AS "regionCode", c.constituency_type AS type,
              m.id AS "mpId", m.name AS "mpName", t.party AS "mpParty", m.email::text AS "mpEmail"
       ${from} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
      where.params,
    );
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n ${from}`, where.params);
    return [rows, n];
  }

  async findConstituency(gss: string): Promise<ConstituencyRecord | null> {
    const [row] = await this.listConstituencies(
      { ids: [gss] },
      { sort: { field: 'name', order: 'ASC' }, offset: 0, limit: 1 },
    );
    return row[0] ?? null;
  }

  async listMps(
    filter: MpListFilter,
    page: Page<keyof typeof MP_SORT_SQL>,
  ): Promise<[(MpRecordRow & { tenure: TenureRecord | null })[], number]> {
    const where = new Where();
    if (filter.ids) where.add((p) => `m.id = ANY(${p(filter.ids!.map(Number))})`);
    if (filter.nations) where.add((p) => `c.nation = ANY(${p(filter.nations)})`);
    if (filter.regions) where.add((p) => `c.region = ANY(${p(filter.regions)})`);
    if (filter.parties) where.add((p) => `m.party = ANY(${p(filter.parties)})`);
    if (filter.constituencyIds) where.add((p) => `t.constituency_gss = ANY(${p(filter.constituencyIds)})`);
    if (filter.current !== undefined) where.add(() => (filter.current ? `t.id IS NOT NULL` : `t.id IS NULL`));
    const q = filter.q;
    if (q) {
      where.add((p) => {
        const term = p(like(q));
        return `(lower(m.name) LIKE ${term} OR lower(coalesce(c.name, '')) LIKE ${term})`;
      });
    }
    const from = `FROM mps m
      LEFT JOIN mp_tenures t ON t.mp_id = m.id AND t.end_date IS NULL
      LEFT JOIN constituencies c ON c.gss_code = t.constituency_gss ${where.sql}`;
    const order = `${MP_SORT_SQL[page.sort.field]} ${page.sort.order}, m.id ${page.sort.order}`;
    const rows: (MpRecordRow & {
      tenureId: string | null;
      gss: string;
      constituencyName: string;
      tenureParty: string;
      startDate: string | null;
    })[] = await this.dataSource.query(
      `SELECT m.id, m.name, m.full_title AS "fullTitle", m.party, m.email::text AS email, m.twfy_person_id AS "twfyPersonId",
                CASE WHEN ${ADDRESS_FAILING_SQL('m')} THEN m.address_failing_since END AS "addressFailingSince",
                t.id::text AS "tenureId", t.constituency_gss AS gss, c.name AS "constituencyName", t.party AS "tenureParty",
                to_char(t.start_date, 'YYYY-MM-DD') AS "startDate"
         ${from} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
      where.params,
    );
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n ${from}`, where.params);
    const withTenure = rows.map(({ tenureId, gss, constituencyName, tenureParty, startDate, ...mp }) => ({
      ...mp,
      tenure:
        tenureId === null
          ? null
          : {
              id: tenureId,
              mpId: mp.id,
              mpName: mp.name,
              gss,
              constituencyName,
              party: tenureParty,
              startDate,
              endDate: null,
              endReason: null,
            },
    }));
    return [withTenure, n];
  }

  async tenures(by: { mpId: number } | { gss: string }): Promise<TenureRecord[]> {
    const [column, value] = 'mpId' in by ? ['t.mp_id', by.mpId] : ['t.constituency_gss', by.gss];
    return this.dataSource.query(
      `SELECT ${TENURE_COLUMNS} FROM mp_tenures t JOIN mps m ON m.id = t.mp_id JOIN constituencies c ON c.gss_code = t.constituency_gss
       WHERE ${column} = $1 ORDER BY t.end_date DESC NULLS FIRST, t.start_date DESC NULLS LAST, t.id DESC`,
      [value],
    );
  }
}

function like(q: string): string {
  return `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;
}

/** AND-ed conditions with numbered parameters: `add((p) => `x = ${p(value)}`)`. */
class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(build: (param: (value: unknown) => string) => string): void {
    this.parts.push(
      build((value) => {
        this.params.push(value);
        return `$${this.params.length}`;
      }),
    );
  }

  get sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}
