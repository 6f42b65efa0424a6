import type { MpSeatRow } from './directory-formats';
import { planMpChanges, type MpState } from './mp-changes';

const row = (gss: string, memberId: number | null, party = 'Labour', extra: Partial<MpSeatRow> = {}): MpSeatRow => ({
  gss,
  memberId,
  name: `MP ${memberId}`,
  party,
  fullTitle: `MP ${memberId} MP`,
  email: `mp${memberId}@parliament.uk`,
  twfyPersonId: null,
  seatSince: null,
  ...extra,
});

const empty = (): MpState => ({
  mps: new Map(),
  openTenures: new Map(),
  seatsWithHistory: new Set(),
  constituencyNames: new Map([
    ['E1', 'Seat One'],
    ['E2', 'Seat Two'],
  ]),
});

function loaded(): MpState {
  const state = empty();
  state.mps.set(1, {
    id: 1,
    name: 'MP 1',
    party: 'Labour',
    fullTitle: 'MP 1 MP',
    email: 'mp1@parliament.uk',
    twfyPersonId: null,
  });
  state.mps.set(2, {
    id: 2,
    name: 'MP 2',
    party: 'Labour',
    fullTitle: 'MP 2 MP',
    email: 'mp2@parliament.uk',
    twfyPersonId: null,
  });
  state.openTenures.set('E1', { id: '10', mpId: 1, gss: 'E1', party: 'Labour', startDate: '2024-07-04' });
  state.openTenures.set('E2', { id: '11', mpId: 2, gss: 'E2', party: 'Labour', startDate: null });
  state.seatsWithHistory = new Set(['E1', 'E2']);
  return state;
}

describe('planMpChanges', () => {
  it('first load: inserts MPs and opens tenures from the list date or unknown, listing no seat changes', () => {
    const plan = planMpChanges(
      empty(),
      [row('E1', 1, 'Labour', { seatSince: '2015-05-07' }), row('E2', 2)],
      '2026-11-23',
    );
    expect(plan.mpInserts.map((m) => m.id)).toEqual([1, 2]);
    expect(plan.tenureStarts).toEqual([
      { mpId: 1, gss: 'E1', party: 'Labour', startDate: '2015-05-07' },
      { mpId: 2, gss: 'E2', party: 'Labour', startDate: null },
    ]);
    expect(plan.initialTenures).toBe(2);
    expect(plan.seatChanges).toEqual([]);
  });

  it('the same list again changes nothing', () => {
    const plan = planMpChanges(loaded(), [row('E1', 1), row('E2', 2)], '2026-11-23');
    expect(plan).toMatchObject({
      mpInserts: [],
      mpUpdates: [],
      tenureEnds: [],
      tenureStarts: [],
      seatChanges: [],
      missingSeats: [],
    });
  });

  it("a by-election ends the old tenure on the new MP's start date", () => {
    const plan = planMpChanges(
      loaded(),
      [row('E1', 3, 'Reform UK', { seatSince: '2026-02-26' }), row('E2', 2)],
      '2026-11-23',
    );
    expect(plan.tenureEnds).toEqual([{ id: '10', endDate: '2026-02-26', reason: 'replaced' }]);
    expect(plan.tenureStarts).toEqual([{ mpId: 3, gss: 'E1', party: 'Reform UK', startDate: '2026-02-26' }]);
    expect(plan.seatChanges).toEqual([
      expect.objectContaining({
        constituencyName: 'Seat One',
        kind: 'new_mp',
        before: { mpId: 1, name: 'MP 1', party: 'Labour' },
        after: { mpId: 3, name: 'MP 3', party: 'Reform UK' },
      }),
    ]);
  });

  it('a by-election without a date starts today', () => {
    const plan = planMpChanges(loaded(), [row('E1', 3), row('E2', 2)], '2026-11-23');
    expect(plan.tenureEnds[0].endDate).toBe('2026-11-23');
    expect(plan.tenureStarts[0].startDate).toBe('2026-11-23');
  });

  it('a defection ends the tenure and starts another for the same MP', () => {
    const plan = planMpChanges(loaded(), [row('E1', 1, 'Independent'), row('E2', 2)], '2026-11-23');
    expect(plan.tenureEnds).toEqual([{ id: '10', endDate: '2026-11-23', reason: 'party_change' }]);
    expect(plan.tenureStarts).toEqual([{ mpId: 1, gss: 'E1', party: 'Independent', startDate: '2026-11-23' }]);
    expect(plan.mpUpdates).toEqual([expect.objectContaining({ id: 1, party: 'Independent' })]);
  });

  it('a seat listed without a member is vacated; a seat not listed is reported and left alone', () => {
    const plan = planMpChanges(loaded(), [row('E1', null)], '2026-11-23');
    expect(plan.tenureEnds).toEqual([{ id: '10', endDate: '2026-11-23', reason: 'vacated' }]);
    expect(plan.missingSeats).toEqual(['E2']);
  });

  it('updates contact details without touching tenure, and keeps fields the list format lacks', () => {
    const plan = planMpChanges(
      loaded(),
      [row('E1', 1, 'Labour', { email: 'new@parliament.uk', fullTitle: undefined }), row('E2', 2)],
      '2026-11-23',
    );
    expect(plan.mpUpdates).toEqual([
      expect.objectContaining({ id: 1, email: 'new@parliament.uk', fullTitle: 'MP 1 MP' }),
    ]);
    expect(plan.tenureEnds).toEqual([]);
  });

  it('ignores a start date in the future', () => {
    const plan = planMpChanges(
      loaded(),
      [row('E1', 3, 'Labour', { seatSince: '2030-01-01' }), row('E2', 2)],
      '2026-11-23',
    );
    expect(plan.tenureStarts[0].startDate).toBe('2026-11-23');
  });
});
