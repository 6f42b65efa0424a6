import { NATIONS, type Nation } from '@campaign-desk/contracts';
import { parsePostcode } from '../postcode/postcode-format';
import { parseCsvRecords } from './csv';

/** A problem with an input file: the import stops and names the file, the row and the field. */
export class DirectoryImportError extends Error {}

export interface ConstituencyRow {
  gss: string;
  name: string;
  nameCy: string | null;
  nation: Nation;
  region: string;
  regionCode: string | null;
  type: string | null;
}

/** One seat in an MP list. A field is `undefined` when the list's format has no such column. */
export interface MpSeatRow {
  gss: string;
  /** null: the seat is vacant. */
  memberId: number | null;
  name: string;
  fullTitle: string | null | undefined;
  party: string;
  email: string | null | undefined;
  twfyPersonId: number | null | undefined;
  /** ISO date the MP took the seat, when the list says. */
  seatSince: string | null | undefined;
}

export interface LookupRow {
  key: string;
  gss: string;
  nPostcodes: number;
  share: number;
  rank: number;
}

export interface PostcodeRanges {
  keys: number[];
  gss: (string | null)[];
}

const GSS = /^[EWSN][0-9]{8}$/;

type Columns<T> = { [K in keyof T]: string | null };

interface Format<T> {
  name: string;
  columns: Columns<T>;
}

function pick<T>(
  text: string,
  label: string,
  formats: Format<T>[],
): { format: Format<T>; records: Record<string, string>[] } {
  const { header, records } = parseCsvRecords(text);
  const format = formats.find((f) => Object.values(f.columns).every((c) => c === null || header.includes(c as string)));
  if (!format) {
    throw new DirectoryImportError(
      `${label}: unrecognised columns. Expected one of: ${formats.map((f) => `${f.name} (${Object.values(f.columns).filter(Boolean).join(', ')})`).join('; ')}`,
    );
  }
  return { format, records };
}

/** A column every format of the file has (null only for optional columns, read with `optional`). */
function field(record: Record<string, string>, column: string | null): string {
  return column === null ? '' : (record[column] ?? '');
}

function gssOf(value: string, label: string, line: number): string {
  if (!GSS.test(value))
    throw new DirectoryImportError(`${label} line ${line}: "${value}" is not a GSS constituency code`);
  return value;
}

const CONSTITUENCY_FORMATS: Format<Omit<ConstituencyRow, 'nation'> & { nation: string }>[] = [
  {
    name: 'constituencies_2024.csv',
    columns: {
      gss: 'gss_code',
      name: 'name',
      nameCy: 'name_cy',
      nation: 'nation',
      region: 'region',
      regionCode: 'region_code',
      type: 'constituency_type',
    },
  },
  {
    name: 'House of Commons Library results by constituency',
    columns: {
      gss: 'ONS ID',
      name: 'Constituency name',
      nameCy: null,
      nation: 'Country name',
      region: 'Region name',
      regionCode: 'ONS region ID',
      type: 'Constituency type',
    },
  },
];

export function parseConstituencies(text: string, label: string): ConstituencyRow[] {
  const { format, records } = pick(text, label, CONSTITUENCY_FORMATS);
  const c = format.columns;
  const seen = new Set<string>();
  const rows = records.map((r, i) => {
    const line = i + 2;
    const gss = gssOf(field(r, c.gss), label, line);
    if (seen.has(gss)) throw new DirectoryImportError(`${label} line ${line}: ${gss} appears twice`);
    seen.add(gss);
    const nation = field(r, c.nation) as Nation;
    if (!NATIONS.includes(nation)) throw new DirectoryImportError(`${label} line ${line}: unknown nation "${nation}"`);
    if (!field(r, c.name)) throw new DirectoryImportError(`${label} line ${line}: name is empty`);
    return {
      gss,
      name: field(r, c.name),
      nameCy: (c.nameCy && r[c.nameCy]) || null,
      nation,
      region: field(r, c.region) || nation,
      regionCode: (c.regionCode && r[c.regionCode]) || null,
      type: (c.type && r[c.type]) || null,
    };
  });
  if (!rows.length) throw new DirectoryImportError(`${label}: no constituencies`);
  return rows;
}

const MP_FORMATS: Format<Omit<MpSeatRow, 'memberId' | 'twfyPersonId'> & { memberId: string; twfyPersonId: string }>[] =
  [
    {
      name: 'mps_by_constituency.csv',
      columns: {
        gss: 'gss_code',
        memberId: 'parliament_member_id',
        name: 'mp_name',
        fullTitle: 'mp_full_title',
        party: 'party',
        email: 'email',
        twfyPersonId: 'twfy_person_id',
        seatSince: 'mp_seat_since',
      },
    },
    {
      name: 'DfE mp_lookup.csv',
      columns: {
        gss: 'pcon_code',
        memberId: 'member_id',
        name: 'display_as',
        fullTitle: 'full_title',
        party: 'party_text',
        email: 'member_email',
        twfyPersonId: null,
        seatSince: null,
      },
    },
    {
      name: 'open-innovations current-MPs.csv',
      columns: {
        gss: 'PCON24CD',
        memberId: 'ID',
        name: 'MP',
        fullTitle: null,
        party: 'Party name',
        email: null,
        twfyPersonId: 'TheyWorkForYou ID',
        seatSince: 'Start date',
      },
    },
  ];

function optional(record: Record<string, string>, column: string | null): string | null | undefined {
  if (column === null) return undefined;
  return record[column] || null;
}

function positiveInt(
  value: string | null | undefined,
  label: string,
  line: number,
  field: string,
): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (!/^[1-9][0-9]{0,8}$/.test(value))
    throw new DirectoryImportError(`${label} line ${line}: ${field} "${value}" is not a whole number`);
  return Number(value);
}

export function parseMps(text: string, label: string): MpSeatRow[] {
  const { format, records } = pick(text, label, MP_FORMATS);
  const c = format.columns;
  const seats = new Set<string>();
  const members = new Map<number, string>();
  return records.map((r, i) => {
    const line = i + 2;
    const gss = gssOf(field(r, c.gss), label, line);
    if (seats.has(gss)) throw new DirectoryImportError(`${label} line ${line}: seat ${gss} appears twice`);
    seats.add(gss);
    const memberId = positiveInt(field(r, c.memberId) || null, label, line, 'member id') ?? null;
    if (memberId !== null) {
      if (members.has(memberId))
        throw new DirectoryImportError(`${label} line ${line}: member ${memberId} also holds ${members.get(memberId)}`);
      members.set(memberId, gss);
      if (!field(r, c.name) || !field(r, c.party))
        throw new DirectoryImportError(`${label} line ${line}: name and party are required`);
    }
    const seatSince = optional(r, c.seatSince);
    if (seatSince && !/^\d{4}-\d{2}-\d{2}/.test(seatSince))
      throw new DirectoryImportError(`${label} line ${line}: "${seatSince}" is not a date`);
    const email = optional(r, c.email);
    return {
      gss,
      memberId,
      name: field(r, c.name),
      fullTitle: optional(r, c.fullTitle),
      party: field(r, c.party),
      email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email.toLowerCase() : email === undefined ? undefined : null,
      twfyPersonId: positiveInt(optional(r, c.twfyPersonId), label, line, 'TheyWorkForYou id'),
      seatSince: seatSince ? seatSince.slice(0, 10) : seatSince,
    };
  });
}

/** mySociety / derived sector and district tables: one row per candidate seat. */
export function parseLookupTable(text: string, label: string, kind: 'sector' | 'district'): LookupRow[] {
  const keyColumn = kind === 'sector' ? 'postcode_sector' : 'postcode_district';
  const { header, records } = parseCsvRecords(text);
  for (const column of [keyColumn, 'pcon24_code', 'n_postcodes', 'share', 'rank']) {
    if (!header.includes(column)) throw new DirectoryImportError(`${label}: missing column ${column}`);
  }
  return records.map((r, i) => {
    const line = i + 2;
    const parsed = parsePostcode(r[keyColumn]);
    if (!parsed.ok || parsed.postcode.kind !== kind || parsed.postcode.normalised !== r[keyColumn]) {
      throw new DirectoryImportError(`${label} line ${line}: "${r[keyColumn]}" is not a postcode ${kind}`);
    }
    const share = Number(r.share);
    const nPostcodes = Number(r.n_postcodes);
    const rank = Number(r.rank);
    if (
      !(share >= 0 && share <= 1) ||
      !Number.isInteger(nPostcodes) ||
      nPostcodes < 0 ||
      !Number.isInteger(rank) ||
      rank < 1
    ) {
      throw new DirectoryImportError(`${label} line ${line}: share, n_postcodes or rank is out of range`);
    }
    return { key: r[keyColumn], gss: gssOf(r.pcon24_code, label, line), nPostcodes, share, rank };
  });
}

interface RangeLookupJson {
  postcode_keys?: unknown;
  value_key?: unknown;
  value_values?: unknown;
}

/**
 * Decodes mySociety's compressed range lookup (see lookup_postcode.py): `postcode_keys` are deltas
 * of the base-36 postcode value; `value_key` indexes `value_values` (1-based, 0 = same as two back);
 * `value_values` are short codes mapped to GSS codes by the codes table.
 */
export function decodeRanges(rangeText: string, codesText: string, label: string): PostcodeRanges {
  let json: RangeLookupJson;
  let codes: Record<string, { parlcon_2024_gss_code?: string }>;
  try {
    json = JSON.parse(rangeText) as RangeLookupJson;
    codes = JSON.parse(codesText) as typeof codes;
  } catch (error) {
    throw new DirectoryImportError(`${label}: not valid JSON (${(error as Error).message})`);
  }
  const { postcode_keys: deltas, value_key: valueKey, value_values: values } = json;
  if (
    !Array.isArray(deltas) ||
    !Array.isArray(valueKey) ||
    !Array.isArray(values) ||
    deltas.length !== valueKey.length ||
    !deltas.length
  ) {
    throw new DirectoryImportError(
      `${label}: expected postcode_keys, value_key and value_values arrays of equal length`,
    );
  }
  const keys: number[] = new Array(deltas.length);
  let acc = 0;
  for (let i = 0; i < deltas.length; i++) {
    const delta = Number(deltas[i]);
    // Ascending starts are what the binary search relies on.
    if (!Number.isInteger(delta) || delta < (i === 0 ? 0 : 1))
      throw new DirectoryImportError(`${label}: postcode_keys[${i}] is not a positive step`);
    acc += delta;
    keys[i] = acc;
  }
  const decodedKeys: number[] = [Number(valueKey[0]), Number(valueKey[1])];
  for (let i = 2; i < valueKey.length; i++)
    decodedKeys.push(valueKey[i] === 0 ? decodedKeys[i - 2] : Number(valueKey[i]));
  const gss = decodedKeys.map((k, i) => {
    const shortCode = values[k - 1] as string | null | undefined;
    if (shortCode === null || shortCode === undefined) return null;
    const code = codes[shortCode]?.parlcon_2024_gss_code;
    if (!code || !GSS.test(code))
      throw new DirectoryImportError(`${label}: range ${i} has short code ${shortCode} with no GSS code`);
    return code;
  });
  if (!Number.isSafeInteger(acc)) throw new DirectoryImportError(`${label}: postcode keys overflow`);
  return { keys, gss };
}
