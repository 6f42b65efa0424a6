import { BadRequestException } from '@nestjs/common';
import {
  dateFilter,
  enumFilter,
  flagFilter,
  instantFilter,
  positiveIntegersFilter,
  textFilter,
  textsFilter,
  uuidsFilter,
} from './list-filters';

const ID = '0b6f7a3e-2c1d-4e5f-8a9b-0c1d2e3f4a5b';

function refusal(run: () => unknown): { filter: string } {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return ((e as BadRequestException).getResponse() as { fields: { filter: string } }).fields;
  }
  throw new Error('expected a 400');
}

describe('list filters', () => {
  it('leave an absent key alone', () => {
    for (const parse of [uuidsFilter, flagFilter, textFilter, textsFilter, dateFilter, instantFilter]) {
      expect(parse({}, 'k')).toBeUndefined();
    }
    expect(enumFilter({}, 'k', ['a'])).toBeUndefined();
    expect(positiveIntegersFilter({}, 'k', 'ids')).toBeUndefined();
  });

  it('read a value or a list of values', () => {
    expect(uuidsFilter({ id: ID }, 'id')).toEqual([ID]);
    expect(enumFilter({ s: ['a', 'b'] }, 's', ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(positiveIntegersFilter({ mpId: ['12', 13] }, 'mpId', 'MP ids')).toEqual([12, 13]);
    expect(flagFilter({ f: 'false' }, 'f')).toBe(false);
    expect(textFilter({ q: '  scan  ' }, 'q')).toBe('scan');
    expect(textFilter({ q: '' }, 'q')).toBeUndefined();
    expect(textsFilter({ c: 'E14001290' }, 'c', /^E\d{8}$/)).toEqual(['E14001290']);
    expect(dateFilter({ d: '2026-11-01' }, 'd')).toBe('2026-11-01');
    expect(instantFilter({ t: '2026-11-01T10:00:00Z' }, 't')?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
  });

  it('refuse the wrong kind of value with a 400 naming the key, never echoing the value', () => {
    const cases: [string, () => unknown][] = [
      ['id', () => uuidsFilter({ id: 5 }, 'id')],
      ['status', () => enumFilter({ status: 'secret-value' }, 'status', ['a'])],
      ['mpId', () => positiveIntegersFilter({ mpId: '-3' }, 'mpId', 'MP ids')],
      ['mpId', () => positiveIntegersFilter({ mpId: 1e12 }, 'mpId', 'MP ids')],
      ['active', () => flagFilter({ active: 'secret-value' }, 'active')],
      ['q', () => textFilter({ q: { a: 1 } }, 'q')],
      ['q', () => textFilter({ q: 'x'.repeat(201) }, 'q')],
      ['c', () => textsFilter({ c: ['secret-value'] }, 'c', /^E\d{8}$/, 'a GSS code')],
      ['c', () => textsFilter({ c: [''] }, 'c')],
      ['d', () => dateFilter({ d: '2026-13-45' }, 'd')],
      ['t', () => instantFilter({ t: 'secret-value' }, 't')],
    ];
    for (const [key, run] of cases) {
      const fields = refusal(run);
      expect(fields.filter.startsWith(`${key} `)).toBe(true);
      expect(fields.filter).not.toContain('secret-value');
    }
  });
});
