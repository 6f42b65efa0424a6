import type { Nation } from './enums';

/** How a postcode was resolved to a constituency. */
export const LOOKUP_METHODS = ['exact', 'sector', 'district', 'online', 'not_covered'] as const;
export type LookupMethod = (typeof LOOKUP_METHODS)[number];

/** Why an MP's tenure of a seat ended. */
export const TENURE_END_REASONS = ['replaced', 'party_change', 'vacated'] as const;
export type TenureEndReason = (typeof TENURE_END_REASONS)[number];

export interface ConstituencySummary {
  /** GSS code, e.g. E14001290. */
  id: string;
  name: string;
  nameCy: string | null;
  nation: Nation;
  region: string;
}

export interface MpSummary {
  /** UK Parliament member id. */
  id: number;
  name: string;
  party: string;
  email: string | null;
}

export interface LookupCandidate {
  constituency: ConstituencySummary;
  mp: MpSummary | null;
  /** Share of the sector's or district's postcode units in this seat (0-1); null when unknown (Northern Ireland list). */
  share: number | null;
}

/** `GET /api/directory/lookup?postcode=` */
export interface PostcodeLookupResult {
  /** The normalised input: a full postcode (`SW1A 1AA`), a sector (`SW1A 1`) or a district (`SW1A`). */
  postcode: string;
  /** The resolved seat; for an ambiguous sector or district, the candidate with the largest share. */
  constituency: ConstituencySummary | null;
  mp: MpSummary | null;
  method: LookupMethod;
  /** True when more than one candidate remains: staff should confirm. */
  ambiguous: boolean;
  candidates: LookupCandidate[];
  /** Plain-language note, e.g. why Northern Ireland is not covered offline. */
  message?: string;
}

export interface ConstituencyDto extends ConstituencySummary {
  regionCode: string | null;
  type: string | null;
  mp: MpSummary | null;
}

export interface MpTenureDto {
  id: string;
  mpId: number;
  mpName: string;
  constituencyId: string;
  constituencyName: string;
  party: string;
  /** ISO date; null when the seat was held before the first import recorded it. */
  startDate: string | null;
  endDate: string | null;
  endReason: TenureEndReason | null;
}

export interface MpDto {
  id: number;
  name: string;
  fullTitle: string | null;
  party: string;
  email: string | null;
  twfyPersonId: number | null;
  /** Holds a seat now. */
  current: boolean;
  constituencyId: string | null;
  constituency: ConstituencySummary | null;
  currentTenure: MpTenureDto | null;
  /** A hard bounce came back from `email`: nothing is sent to it until an admin clears the flag or an import brings a new address. */
  addressFailing: boolean;
  /** When the address was marked failing (ISO instant), or null. */
  addressFailingSince: string | null;
}

/** `PUT /api/mps/:id/address-status`: an admin clears the failing flag (only `false` is accepted). */
export interface MpAddressStatusInput {
  failing: false;
}

/** `GET /api/constituencies/:id` adds who has held the seat since the first import, newest first. */
export interface ConstituencyDetailDto extends ConstituencyDto {
  tenures: MpTenureDto[];
}

/** `GET /api/mps/:id` adds the full tenure history, newest first. */
export interface MpDetailDto extends MpDto {
  tenures: MpTenureDto[];
}

export const CONSTITUENCY_SORT_FIELDS = ['id', 'name', 'nation', 'region'] as const;
export const CONSTITUENCY_FILTER_FIELDS = ['q', 'nation', 'region', 'party'] as const;
export const MP_SORT_FIELDS = ['id', 'name', 'party'] as const;
export const MP_FILTER_FIELDS = ['q', 'nation', 'region', 'party', 'current', 'constituencyId'] as const;

/** Attributions the licences require wherever the directory data is shown (the dashboard's About page). */
export const DIRECTORY_ATTRIBUTIONS: readonly { dataset: string; source: string; licence: string; notice?: string }[] =
  [
    {
      dataset: 'Constituencies and 2024 general election results',
      source: 'House of Commons Library, CBP-10009',
      licence: 'Open Parliament Licence v3.0',
    },
    {
      dataset: 'Current MPs, member ids and emails',
      source: 'Department for Education mp-lookup, built from UK Parliament Members data and ONS Open Geography',
      licence: 'Open Parliament Licence v3.0; Open Government Licence v3.0',
    },
    {
      dataset: 'TheyWorkForYou ids and seat-since dates',
      source: 'open-innovations/constituencies, from the UK Parliament Members API and TheyWorkForYou',
      licence: 'Open Parliament Licence v3.0',
    },
    {
      dataset: 'Postcode to constituency lookups',
      source: 'mySociety 2025-constituencies, applied to OS Code-Point Open',
      licence: 'CC BY 4.0; Open Government Licence v3.0',
      notice:
        'Contains OS data © Crown copyright and database right 2023; Contains Royal Mail data © Royal Mail copyright and database right 2023; Contains National Statistics data © Crown copyright and database right 2023',
    },
    {
      dataset: 'Northern Ireland online lookups (when configured)',
      source: 'postcodes.io (ideal-postcodes/postcodes.io)',
      licence: 'MIT (software); OS and ONS open data',
    },
  ];
