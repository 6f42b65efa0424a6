import type { ConstituencySummary } from '@campaign-desk/contracts';
import { parsePostcode } from './postcode-format';
import { PostcodeIndex } from './postcode-index';

const seat = (id: string, name: string): ConstituencySummary => ({
  id,
  name,
  nameCy: null,
  nation: 'England',
  region: 'London',
});
const A = seat('E14000001', 'Alpha');
const B = seat('E14000002', 'Beta');
const key = (pc: string) => parseInt(pc, 36);
const parse = (raw: string) => {
  const r = parsePostcode(raw);
  if (!r.ok) throw new Error(r.detail);
  return r.postcode;
};

const index = PostcodeIndex.build({
  constituencies: [
    { summary: A, mp: { id: 1, name: 'Ann', party: 'Labour', email: null } },
    { summary: B, mp: null },
  ],
  ranges: { keys: [key('AB101AA'), key('AB101BA'), key('AB102AA')], gss: ['E14000001', 'E14000002', null] },
  sectors: [
    { key: 'AB10 1', gss: 'E14000002', share: 0.25, rank: 2 },
    { key: 'AB10 1', gss: 'E14000001', share: 0.75, rank: 1 },
  ],
  districts: [
    { key: 'AB10', gss: 'E14000001', share: 0.6, rank: 1 },
    { key: 'AB10', gss: 'E14000002', share: 0.4, rank: 2 },
    { key: 'AB11', gss: 'E14000002', share: 1, rank: 1 },
  ],
});

describe('PostcodeIndex', () => {
  it('answers an exact postcode from its range when the sector contains that seat', () => {
    expect(index.resolve(parse('AB10 1AA'))).toMatchObject({
      method: 'exact',
      candidates: [{ constituency: A, share: 1 }],
    });
    expect(index.resolve(parse('AB10 1AZ'))).toMatchObject({ method: 'exact', candidates: [{ constituency: A }] });
    expect(index.resolve(parse('AB10 1BB'))).toMatchObject({
      method: 'exact',
      candidates: [{ constituency: B, mp: null }],
    });
  });

  it('falls back to the sector, best candidate first, when the range answer is not trusted', () => {
    // AB10 2AA's range has no seat and its sector is unknown: district.
    expect(index.resolve(parse('AB10 2AA'))).toMatchObject({ method: 'district' });
    expect(index.resolve(parse('AB10 1'))).toMatchObject({
      method: 'sector',
      candidates: [
        { constituency: A, share: 0.75 },
        { constituency: B, share: 0.25 },
      ],
    });
  });

  it('distrusts a range answer whose seat is not in the sector', () => {
    const narrow = PostcodeIndex.build({
      constituencies: [
        { summary: A, mp: null },
        { summary: B, mp: null },
      ],
      ranges: { keys: [key('AB101AA')], gss: ['E14000002'] },
      sectors: [{ key: 'AB10 1', gss: 'E14000001', share: 1, rank: 1 }],
      districts: [],
    });
    expect(narrow.resolve(parse('AB10 1ZZ'))).toMatchObject({ method: 'sector', candidates: [{ constituency: A }] });
  });

  it('answers districts and returns null for the unknown', () => {
    expect(index.resolve(parse('AB11'))).toMatchObject({
      method: 'district',
      candidates: [{ constituency: B, share: 1 }],
    });
    expect(index.resolve(parse('ZE1 1AA'))).toBeNull();
    expect(index.resolve(parse('AA1 1AA'))).toBeNull();
  });

  it('lists range-start postcodes with a trusted answer', () => {
    expect([...index.realPostcodes()].map((p) => [p.postcode, p.constituency.summary.id])).toEqual([
      ['AB10 1AA', 'E14000001'],
      ['AB10 1BA', 'E14000002'],
    ]);
  });

  it('is empty until built', () => {
    expect(PostcodeIndex.empty().isEmpty).toBe(true);
    expect(PostcodeIndex.empty().resolve(parse('AB10 1AA'))).toBeNull();
    expect(index.counts).toEqual({ constituencies: 2, ranges: 3, sectors: 1, districts: 2 });
  });
});
