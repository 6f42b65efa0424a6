import { parsePostcode } from './postcode-format';

const ok = (raw: string) => {
  const result = parsePostcode(raw);
  if (!result.ok) throw new Error(`${raw}: ${result.detail}`);
  return result.postcode;
};

describe('parsePostcode', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA'],
    ['  wc1e   6bt ', 'WC1E 6BT'],
    ['M11AE', 'M1 1AE'],
    ['b338th', 'B33 8TH'],
    ['CR26XH', 'CR2 6XH'],
    ['DN551PT', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
    ['EC1A1BB', 'EC1A 1BB'],
  ])('normalises full postcode %s to %s', (raw, normalised) => {
    expect(ok(raw)).toMatchObject({ kind: 'full', normalised, compact: normalised.replace(' ', '') });
  });

  it('gives the sector and district of a full postcode', () => {
    expect(ok('sw1a1aa')).toMatchObject({ sector: 'SW1A 1', district: 'SW1A', northernIreland: false });
  });

  it('reads districts and sectors', () => {
    expect(ok('sw1a')).toMatchObject({ kind: 'district', normalised: 'SW1A', sector: null });
    expect(ok('SW1A 1')).toMatchObject({ kind: 'sector', normalised: 'SW1A 1', district: 'SW1A' });
    expect(ok('sw1a1')).toMatchObject({ kind: 'sector', normalised: 'SW1A 1' });
    // Without a space, W11 is the district it spells, not sector "W1 1".
    expect(ok('W11')).toMatchObject({ kind: 'district', normalised: 'W11' });
  });

  it('flags Northern Ireland', () => {
    expect(ok('bt95ab')).toMatchObject({ normalised: 'BT9 5AB', northernIreland: true });
    expect(ok('BT9')).toMatchObject({ kind: 'district', northernIreland: true });
  });

  it.each(['', '   '])('requires a value (%p)', (raw) => {
    expect(parsePostcode(raw)).toMatchObject({ ok: false, reason: 'required' });
  });

  it.each(['hello', '12345', 'SW1A 1AAA', 'QX1 1AA', 'SW1A 1CI', 'AAA 1AA', 'SW1A 1A', 'x'.repeat(40), 'SW1A-1AA'])(
    'rejects %p as a format problem',
    (raw) => {
      expect(parsePostcode(raw)).toMatchObject({
        ok: false,
        reason: 'format',
        detail: expect.stringContaining('format'),
      });
    },
  );

  it('rejects non-strings', () => {
    expect(parsePostcode(42)).toMatchObject({ ok: false, reason: 'required' });
    expect(parsePostcode(['SW1A 1AA'])).toMatchObject({ ok: false });
  });

  it.each([
    ['GIR 0AA', /Girobank/],
    ['JE2 3AB', /Jersey/],
    ['GY1 1AA', /Guernsey/],
    ['IM1 1AA', /Isle of Man/],
    ['JE2', /Jersey/],
    ['BFPO 801', /forces/],
    ['STHL 1ZZ', /Overseas Territory/],
    ['GX11 1AA', /Gibraltar/],
  ])('says %s has no Westminster constituency', (raw, detail) => {
    const result = parsePostcode(raw);
    expect(result).toMatchObject({ ok: false, reason: 'outside_parliament' });
    expect(!result.ok && result.detail).toMatch(detail);
  });
});
