/**
 * UK postcode parsing and normalisation (`sw1a1aa` → `SW1A 1AA`).
 * The outward-code rules are the Royal Mail ones (which letters may appear in which position), so
 * `QX1 1AA` or `SW1A 1CI` fail on format rather than reaching the lookup as "not found".
 */
const OUTWARD =
  '(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const FULL = new RegExp(`^(${OUTWARD})(${INWARD})$`);
const DISTRICT = new RegExp(`^${OUTWARD}$`);
const SECTOR_COMPACT = new RegExp(`^(${OUTWARD})([0-9])$`);

/** Postcodes (or postcode-like addresses) that exist but are in no Westminster constituency. */
const OUTSIDE_PARLIAMENT: { test: RegExp; detail: string }[] = [
  { test: /^GIR0AA$/, detail: 'GIR 0AA is a non-geographic (Girobank) postcode with no constituency' },
  { test: /^BFPO\d{1,4}$/, detail: 'is a BFPO (forces post) address, not a constituency: ask for a home postcode' },
  {
    test: /^(ASCN|STHL|TDCU|BBND|BIQQ|FIQQ|PCRN|SIQQ|TKCA)1ZZ$/,
    detail: 'is a British Overseas Territory postcode, which has no MP at Westminster',
  },
  { test: /^GX111AA$/, detail: 'is a Gibraltar postcode, which has no MP at Westminster' },
];
/** Crown Dependencies use postcodes of the UK format but elect no MP. */
const CROWN_DEPENDENCIES: Record<string, string> = {
  JE: 'is a Jersey postcode: Jersey has no MP at Westminster',
  GY: 'is a Guernsey postcode: Guernsey has no MP at Westminster',
  IM: 'is an Isle of Man postcode: the Isle of Man has no MP at Westminster',
};

export type PostcodeKind = 'full' | 'sector' | 'district';

export interface ParsedPostcode {
  kind: PostcodeKind;
  /** `SW1A 1AA`, `SW1A 1` or `SW1A`. */
  normalised: string;
  /** `SW1A1AA` for a full postcode (the range lookup's key), otherwise the normalised form without spaces. */
  compact: string;
  district: string;
  /** `SW1A 1` for a full postcode or a sector; null for a district. */
  sector: string | null;
  /** BT postcodes: Northern Ireland, which the offline tables do not cover. */
  northernIreland: boolean;
}

export type PostcodeParseResult =
  | { ok: true; postcode: ParsedPostcode }
  | { ok: false; reason: 'required' | 'format' | 'outside_parliament'; detail: string };

const FORMAT_DETAIL = 'is not a valid UK postcode format (expected something like SW1A 1AA, or a district like SW1A)';

export function parsePostcode(raw: unknown): PostcodeParseResult {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'required', detail: 'is required' };
  if (raw.length > 16) return { ok: false, reason: 'format', detail: FORMAT_DETAIL };
  const spaced = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  const compact = spaced.replace(/ /g, '');
  const outside = OUTSIDE_PARLIAMENT.find((rule) => rule.test.test(compact));
  if (outside) return { ok: false, reason: 'outside_parliament', detail: outside.detail };
  const parsed = parseShape(spaced, compact);
  if (!parsed) return { ok: false, reason: 'format', detail: FORMAT_DETAIL };
  const crown = CROWN_DEPENDENCIES[parsed.district.slice(0, 2)];
  if (crown) return { ok: false, reason: 'outside_parliament', detail: crown };
  return { ok: true, postcode: parsed };
}

function parseShape(spaced: string, compact: string): ParsedPostcode | null {
  const full = FULL.exec(compact);
  if (full) {
    const [, outward, inward] = full;
    return ok('full', `${outward} ${inward}`, compact, outward, `${outward} ${inward[0]}`);
  }
  const parts = spaced.split(' ');
  if (parts.length === 2 && DISTRICT.test(parts[0]) && /^[0-9]$/.test(parts[1])) {
    return ok('sector', spaced, compact, parts[0], spaced);
  }
  if (parts.length === 1) {
    if (DISTRICT.test(compact)) return ok('district', compact, compact, compact, null);
    // Without a space, "SW1A1" can only be a sector; "W11" is read as the district it also spells.
    const sector = SECTOR_COMPACT.exec(compact);
    if (sector) return ok('sector', `${sector[1]} ${sector[2]}`, compact, sector[1], `${sector[1]} ${sector[2]}`);
  }
  return null;
}

function ok(
  kind: PostcodeKind,
  normalised: string,
  compact: string,
  district: string,
  sector: string | null,
): ParsedPostcode {
  return { kind, normalised, compact, district, sector, northernIreland: district.startsWith('BT') };
}
