import type { TenureEndReason } from '@campaign-desk/contracts';
import type { MpSeatRow } from './directory-formats';

export interface MpRecord {
  id: number;
  name: string;
  fullTitle: string | null;
  party: string;
  email: string | null;
  twfyPersonId: number | null;
}

export interface OpenTenure {
  id: string;
  mpId: number;
  gss: string;
  party: string;
  startDate: string | null;
}

export interface SeatChange {
  constituencyId: string;
  constituencyName: string;
  kind: 'new_mp' | 'party_change' | 'vacated' | 'filled';
  before: { mpId: number; name: string; party: string } | null;
  after: { mpId: number; name: string; party: string } | null;
  date: string;
}

export interface MpChangePlan {
  mpInserts: MpRecord[];
  mpUpdates: MpRecord[];
  tenureEnds: { id: string; endDate: string; reason: TenureEndReason }[];
  tenureStarts: { mpId: number; gss: string; party: string; startDate: string | null }[];
  /** Seats whose holder changed; the first load of a seat is counted, not listed. */
  seatChanges: SeatChange[];
  initialTenures: number;
  /** Seats with a current MP that the list does not mention: left as they are. */
  missingSeats: string[];
}

export interface MpState {
  mps: Map<number, MpRecord>;
  openTenures: Map<string, OpenTenure>;
  seatsWithHistory: Set<string>;
  constituencyNames: Map<string, string>;
}

const later = (a: string, b: string | null) => (b !== null && b > a ? b : a);

/**
 * Works out what an MP list changes. A different member in a seat (by-election) ends the old tenure
 * and starts a new one; the same member under a different party (defection) does the same with
 * reason `party_change`; a seat listed without a member is vacated. Pure, so it is unit-tested.
 */
export function planMpChanges(state: MpState, incoming: MpSeatRow[], today: string): MpChangePlan {
  const plan: MpChangePlan = {
    mpInserts: [],
    mpUpdates: [],
    tenureEnds: [],
    tenureStarts: [],
    seatChanges: [],
    initialTenures: 0,
    missingSeats: [],
  };
  const ending = new Set<string>();
  const listed = new Set(incoming.map((row) => row.gss));
  const describe = (mpId: number, party: string) => ({
    mpId,
    name:
      plan.mpInserts.concat(plan.mpUpdates).find((m) => m.id === mpId)?.name ??
      state.mps.get(mpId)?.name ??
      String(mpId),
    party,
  });
  const nameOf = (gss: string) => state.constituencyNames.get(gss) ?? gss;

  for (const row of incoming) {
    if (row.memberId !== null) upsertMp(state, plan, row, row.memberId);
  }
  for (const row of incoming) {
    const open = state.openTenures.get(row.gss);
    if (row.memberId === null) {
      if (!open) continue;
      plan.tenureEnds.push({ id: open.id, endDate: later(today, open.startDate), reason: 'vacated' });
      ending.add(open.id);
      plan.seatChanges.push({
        constituencyId: row.gss,
        constituencyName: nameOf(row.gss),
        kind: 'vacated',
        before: describe(open.mpId, open.party),
        after: null,
        date: today,
      });
      continue;
    }
    if (open && open.mpId === row.memberId && open.party === row.party) continue;
    const since = row.seatSince && row.seatSince <= today ? row.seatSince : null;
    let start: string | null;
    let kind: SeatChange['kind'];
    if (open) {
      const samePerson = open.mpId === row.memberId;
      start = later(samePerson ? today : (since ?? today), open.startDate);
      plan.tenureEnds.push({ id: open.id, endDate: start, reason: samePerson ? 'party_change' : 'replaced' });
      ending.add(open.id);
      kind = samePerson ? 'party_change' : 'new_mp';
    } else if (state.seatsWithHistory.has(row.gss)) {
      start = since ?? today;
      kind = 'filled';
    } else {
      // First load of this seat: the list's own date, or unknown.
      start = since;
      kind = 'filled';
      plan.initialTenures++;
    }
    plan.tenureStarts.push({ mpId: row.memberId, gss: row.gss, party: row.party, startDate: start });
    if (open || state.seatsWithHistory.has(row.gss)) {
      plan.seatChanges.push({
        constituencyId: row.gss,
        constituencyName: nameOf(row.gss),
        kind,
        before: open ? describe(open.mpId, open.party) : null,
        after: describe(row.memberId, row.party),
        date: start ?? today,
      });
    }
  }

  // A member who now sits for another seat no longer holds the old one, even if the list omits it.
  const starting = new Map(plan.tenureStarts.map((t) => [t.mpId, t]));
  for (const open of state.openTenures.values()) {
    const moved = starting.get(open.mpId);
    if (moved && moved.gss !== open.gss && !ending.has(open.id)) {
      plan.tenureEnds.push({ id: open.id, endDate: later(today, open.startDate), reason: 'vacated' });
      ending.add(open.id);
      plan.seatChanges.push({
        constituencyId: open.gss,
        constituencyName: nameOf(open.gss),
        kind: 'vacated',
        before: describe(open.mpId, open.party),
        after: null,
        date: today,
      });
    }
  }
  plan.missingSeats = [...state.openTenures.keys()]
    .filter((gss) => !listed.has(gss) && !plan.seatChanges.some((c) => c.constituencyId === gss))
    .sort();
  return plan;
}

function upsertMp(state: MpState, plan: MpChangePlan, row: MpSeatRow, memberId: number): void {
  const existing = state.mps.get(memberId);
  // A column the list's format lacks (undefined) keeps what we had.
  const next: MpRecord = {
    id: memberId,
    name: row.name,
    party: row.party,
    fullTitle: row.fullTitle === undefined ? (existing?.fullTitle ?? null) : row.fullTitle,
    email: row.email === undefined ? (existing?.email ?? null) : row.email,
    twfyPersonId: row.twfyPersonId === undefined ? (existing?.twfyPersonId ?? null) : row.twfyPersonId,
  };
  if (!existing) plan.mpInserts.push(next);
  else if ((Object.keys(next) as (keyof MpRecord)[]).some((k) => next[k] !== existing[k])) plan.mpUpdates.push(next);
}
