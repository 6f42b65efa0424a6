import { findPostcodes, findTrusts } from './text-extractors';

describe('findPostcodes', () => {
  it('finds postcodes with or without the space, normalised', () => {
    expect(findPostcodes('I live at 10 Downing St, SW1A 2AA. Mum is at m1 1ae and dad at EH991SP.')).toEqual([
      'SW1A 2AA',
      'M1 1AE',
      'EH99 1SP',
    ]);
  });

  it('ignores things that are not postcodes', () => {
    expect(findPostcodes('Ref ABC123, tel 0161 496 0000, 25mg twice, NHS no 943 476 5919')).toEqual([]);
  });

  it('lists each postcode once and stops at the limit', () => {
    expect(findPostcodes('SW1A 2AA sw1a2aa SW1A  2AA')).toEqual(['SW1A 2AA']);
    expect(findPostcodes('M1 1AE M2 2AE M3 3AE', 2)).toHaveLength(2);
  });
});

describe('findTrusts', () => {
  it('finds NHS trust and health board names', () => {
    const text =
      "Treated at Manchester University NHS Foundation Trust, then moved to Guy's and St Thomas' NHS Foundation Trust. " +
      'Previously Betsi Cadwaladr University Health Board and the Belfast Health and Social Care Trust.';
    expect(findTrusts(text)).toEqual([
      'Manchester University NHS Foundation Trust',
      "Guy's and St Thomas' NHS Foundation Trust",
      'Betsi Cadwaladr University Health Board',
      'Belfast Health and Social Care Trust',
    ]);
  });

  it('ignores a bare mention of the NHS', () => {
    expect(findTrusts('The NHS Trust said no. The NHS is great.')).toEqual([]);
  });
});
