import type { ConstituencySummary, LookupCandidate, MpSummary } from '@campaign-desk/contracts';
import type { ParsedPostcode } from './postcode-format';

export interface IndexedConstituency {
  summary: ConstituencySummary;
  mp: MpSummary | null;
}

export interface PostcodeIndexInput {
  constituencies: IndexedConstituency[];
  /** Range starts (base-36 value of the unspaced postcode), ascending, and each one's seat (null: no seat). */
  ranges: { keys: number[]; gss: (string | null)[] };
  sectors: LookupTableRow[];
  districts: LookupTableRow[];
}

export interface LookupTableRow {
  key: string;
  gss: string;
  share: number;
  rank: number;
}

export interface IndexResolution {
  method: 'exact' | 'sector' | 'district';
  /** Best first. Shared, frozen arrays: callers must not mutate them. */
  candidates: readonly LookupCandidate[];
}

/**
 * The in-memory lookup: typed arrays for mySociety's exact-postcode ranges (binary search) and
 * maps of precomputed, frozen candidate lists for sectors and districts. Answers without allocating
 * beyond the caller's result object, in about a microsecond.
 */
export class PostcodeIndex {
  private constructor(
    private readonly byGss: Map<string, IndexedConstituency>,
    private readonly rangeKeys: Float64Array,
    /** Index into `exactAnswers`, or -1 where the range has no seat. */
    private readonly rangeValues: Int16Array,
    private readonly exactAnswers: readonly (readonly LookupCandidate[])[],
    private readonly sectors: Map<string, readonly LookupCandidate[]>,
    private readonly districts: Map<string, readonly LookupCandidate[]>,
    readonly builtAt: Date,
  ) {}

  static empty(): PostcodeIndex {
    return new PostcodeIndex(new Map(), new Float64Array(0), new Int16Array(0), [], new Map(), new Map(), new Date(0));
  }

  static build(input: PostcodeIndexInput, now = new Date()): PostcodeIndex {
    const byGss = new Map<string, IndexedConstituency>();
    const answerIndex = new Map<string, number>();
    const exactAnswers: (readonly LookupCandidate[])[] = [];
    for (const c of input.constituencies) {
      const frozen = Object.freeze({
        summary: Object.freeze({ ...c.summary }),
        mp: c.mp ? Object.freeze({ ...c.mp }) : null,
      });
      byGss.set(c.summary.id, frozen);
      answerIndex.set(c.summary.id, exactAnswers.length);
      exactAnswers.push(Object.freeze([Object.freeze({ constituency: frozen.summary, mp: frozen.mp, share: 1 })]));
    }
    const rangeKeys = Float64Array.from(input.ranges.keys);
    const rangeValues = Int16Array.from(input.ranges.gss, (gss) => (gss === null ? -1 : (answerIndex.get(gss) ?? -1)));
    return new PostcodeIndex(
      byGss,
      rangeKeys,
      rangeValues,
      exactAnswers,
      groupCandidates(input.sectors, byGss),
      groupCandidates(input.districts, byGss),
      now,
    );
  }

  get isEmpty(): boolean {
    return this.byGss.size === 0;
  }

  get counts() {
    return {
      constituencies: this.byGss.size,
      ranges: this.rangeKeys.length,
      sectors: this.sectors.size,
      districts: this.districts.size,
    };
  }

  constituency(gss: string): IndexedConstituency | undefined {
    return this.byGss.get(gss);
  }

  constituencies(): IterableIterator<IndexedConstituency> {
    return this.byGss.values();
  }

  /** Great Britain only: exact postcode, then sector, then district. Null when none knows it. */
  resolve(postcode: ParsedPostcode): IndexResolution | null {
    if (postcode.kind === 'full') {
      const sectorCandidates = postcode.sector ? this.sectors.get(postcode.sector) : undefined;
      const exact = this.exact(postcode.compact);
      // The range lookup answers for any string (the neighbouring range), so it only counts when
      // its seat is one the postcode's sector actually contains.
      if (exact && sectorCandidates?.some((c) => c.constituency === exact[0].constituency)) {
        return { method: 'exact', candidates: exact };
      }
      if (sectorCandidates) return { method: 'sector', candidates: sectorCandidates };
    } else if (postcode.kind === 'sector') {
      const sectorCandidates = postcode.sector ? this.sectors.get(postcode.sector) : undefined;
      if (sectorCandidates) return { method: 'sector', candidates: sectorCandidates };
    }
    const districtCandidates = this.districts.get(postcode.district);
    return districtCandidates ? { method: 'district', candidates: districtCandidates } : null;
  }

  /** The range-lookup answer for an unspaced full postcode (untrusted on its own). */
  private exact(compact: string): readonly LookupCandidate[] | null {
    const key = parseInt(compact, 36);
    const keys = this.rangeKeys;
    let lo = 0;
    let hi = keys.length - 1;
    if (hi < 0 || key < keys[0]) return null;
    // Last range start <= key.
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (keys[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    const value = this.rangeValues[lo];
    return value < 0 ? null : this.exactAnswers[value];
  }

  /** Range-start postcodes (real Code-Point postcodes) whose exact answer is trusted: for demo data. */
  *realPostcodes(): Generator<{ postcode: string; constituency: IndexedConstituency }> {
    for (let i = 0; i < this.rangeKeys.length; i++) {
      if (this.rangeValues[i] < 0) continue;
      const compact = this.rangeKeys[i].toString(36).toUpperCase();
      const postcode = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
      const sector = postcode.slice(0, -2);
      const answer = this.exactAnswers[this.rangeValues[i]][0];
      const constituency = this.byGss.get(answer.constituency.id);
      if (constituency && this.sectors.get(sector)?.some((c) => c.constituency === answer.constituency))
        yield { postcode, constituency };
    }
  }
}

function groupCandidates(
  rows: LookupTableRow[],
  byGss: Map<string, IndexedConstituency>,
): Map<string, readonly LookupCandidate[]> {
  const grouped = new Map<string, LookupTableRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.key);
    if (list) list.push(row);
    else grouped.set(row.key, [row]);
  }
  const out = new Map<string, readonly LookupCandidate[]>();
  for (const [key, list] of grouped) {
    list.sort((a, b) => a.rank - b.rank || b.share - a.share);
    const candidates: LookupCandidate[] = [];
    for (const row of list) {
      const c = byGss.get(row.gss);
      if (c) candidates.push(Object.freeze({ constituency: c.summary, mp: c.mp, share: row.share }));
    }
    if (candidates.length) out.set(key, Object.freeze(candidates));
  }
  return out;
}
