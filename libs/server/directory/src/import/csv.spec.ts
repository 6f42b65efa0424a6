import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded commas and newlines, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line\nbreak",\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line\nbreak', ''],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/unterminated/);
  });

  it('maps rows to the header', () => {
    expect(parseCsvRecords('gss, name\nE1 ,"Ab, C"\n').records).toEqual([{ gss: 'E1', name: 'Ab, C' }]);
  });
});
