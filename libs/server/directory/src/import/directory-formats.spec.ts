import {
  decodeRanges,
  DirectoryImportError,
  parseConstituencies,
  parseLookupTable,
  parseMps,
} from './directory-formats';

describe('directory formats', () => {
  it('reads constituencies from the House of Commons Library results format', () => {
    const csv =
      'ONS ID,ONS region ID,Constituency name,County name,Region name,Country name,Constituency type\nW07000081,W92000004,Aberafan Maesteg,,Wales,Wales,County\n';
    expect(parseConstituencies(csv, 'hoc.csv')).toEqual([
      {
        gss: 'W07000081',
        name: 'Aberafan Maesteg',
        nameCy: null,
        nation: 'Wales',
        region: 'Wales',
        regionCode: 'W92000004',
        type: 'County',
      },
    ]);
  });

  it('names the file and the problem for unknown columns, bad codes and duplicates', () => {
    expect(() => parseConstituencies('a,b\n1,2\n', 'x.csv')).toThrow(/x.csv: unrecognised columns/);
    expect(() =>
      parseConstituencies(
        'gss_code,name,name_cy,nation,region,region_code,constituency_type\nX1,A,,England,L,,\n',
        'x.csv',
      ),
    ).toThrow(/line 2: "X1" is not a GSS/);
    const dup =
      'gss_code,name,name_cy,nation,region,region_code,constituency_type\nE14000001,A,,England,L,,\nE14000001,B,,England,L,,\n';
    expect(() => parseConstituencies(dup, 'x.csv')).toThrow(DirectoryImportError);
  });

  it('reads the DfE MP list, leaving the columns it lacks undefined', () => {
    const csv =
      '"pcon_name","pcon_code","member_id","full_title","display_as","party_text","member_email"\n"Aldershot","E14001063","5173","Alex Baker MP","Alex Baker","Labour","Alex.Baker.MP@parliament.uk"\n';
    expect(parseMps(csv, 'dfe.csv')).toEqual([
      {
        gss: 'E14001063',
        memberId: 5173,
        name: 'Alex Baker',
        fullTitle: 'Alex Baker MP',
        party: 'Labour',
        email: 'alex.baker.mp@parliament.uk',
        twfyPersonId: undefined,
        seatSince: undefined,
      },
    ]);
  });

  it('refuses one member in two seats', () => {
    const csv =
      'gss_code,mp_name,mp_full_title,party,parliament_member_id,email,twfy_person_id,mp_seat_since\nE14000001,A,,Lab,5,,,\nE14000002,A,,Lab,5,,,\n';
    expect(() => parseMps(csv, 'm.csv')).toThrow(/member 5 also holds E14000001/);
  });

  it('validates sector keys and shares', () => {
    const header = 'postcode_sector,pcon24_code,pcon24_name,n_postcodes,share,rank,n_candidates\n';
    expect(parseLookupTable(`${header}SW1A 1,E14000639,X,10,0.5,1,2\n`, 's.csv', 'sector')).toEqual([
      { key: 'SW1A 1', gss: 'E14000639', nPostcodes: 10, share: 0.5, rank: 1 },
    ]);
    expect(() => parseLookupTable(`${header}SW1A,E14000639,X,10,0.5,1,2\n`, 's.csv', 'sector')).toThrow(
      /not a postcode sector/,
    );
    expect(() => parseLookupTable(`${header}SW1A 1,E14000639,X,10,1.5,1,2\n`, 's.csv', 'sector')).toThrow(
      /out of range/,
    );
  });

  it('decodes the mySociety range lookup like lookup_postcode.py', () => {
    const ranges = JSON.stringify({
      postcode_keys: [100, 5, 7, 3],
      value_key: [2, 1, 0, 3],
      value_values: ['UKPARL.A', 'UKPARL.B', null],
    });
    const codes = JSON.stringify({
      'UKPARL.A': { parlcon_2024_gss_code: 'E14000001' },
      'UKPARL.B': { parlcon_2024_gss_code: 'E14000002' },
    });
    // value_key 0 repeats the value two places back; indexes are 1-based.
    expect(decodeRanges(ranges, codes, 'r.json')).toEqual({
      keys: [100, 105, 112, 115],
      gss: ['E14000002', 'E14000001', 'E14000002', null],
    });
    expect(() => decodeRanges('{}', codes, 'r.json')).toThrow(/expected postcode_keys/);
    expect(() => decodeRanges('nope', codes, 'r.json')).toThrow(/not valid JSON/);
  });
});
