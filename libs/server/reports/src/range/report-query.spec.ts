import { BadRequestException } from '@nestjs/common';
import { onlyParams, parseDateRange, parseGroupBy } from './report-query';

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { fields: Record<string, string> }).fields;
  }
  throw new Error('expected a 400');
}

describe('parseDateRange', () => {
  it('accepts an inclusive range, a single day included', () => {
    expect(parseDateRange({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(parseDateRange({ from: '2026-03-01', to: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });

  it('names a missing bound (an unbounded range)', () => {
    expect(Object.keys(fieldsOf(() => parseDateRange({ to: '2026-01-01' })))).toEqual(['from']);
    expect(Object.keys(fieldsOf(() => parseDateRange({ from: '2026-01-01' })))).toEqual(['to']);
    expect(Object.keys(fieldsOf(() => parseDateRange({ from: '', to: '2026-01-01' })))).toEqual(['from']);
  });

  it('names a malformed or impossible date', () => {
    expect(fieldsOf(() => parseDateRange({ from: '01/02/2026', to: '2026-01-01' })).from).toMatch(/ISO date/);
    expect(fieldsOf(() => parseDateRange({ from: '2026-01-01', to: '2026-02-30' })).to).toMatch(/calendar date/);
    expect(Object.keys(fieldsOf(() => parseDateRange({ from: ['2026-01-01'], to: '2026-01-02' })))).toEqual(['from']);
  });

  it('rejects an inverted range or one over about five years', () => {
    expect(fieldsOf(() => parseDateRange({ from: '2026-02-01', to: '2026-01-31' })).to).toMatch(/before from/);
    expect(fieldsOf(() => parseDateRange({ from: '2020-01-01', to: '2026-01-01' })).to).toMatch(/within 1830 days/);
    expect(parseDateRange({ from: '2021-01-01', to: '2026-01-01' }).to).toBe('2026-01-01');
  });
});

describe('parseGroupBy', () => {
  it('defaults to mp and accepts each option', () => {
    expect(parseGroupBy({})).toBe('mp');
    for (const g of ['mp', 'party', 'nation', 'region', 'month']) expect(parseGroupBy({ groupBy: g })).toBe(g);
  });

  it('names an unknown grouping', () => {
    expect(fieldsOf(() => parseGroupBy({ groupBy: 'trust' })).groupBy).toMatch(/one of mp, party/);
  });
});

describe('onlyParams', () => {
  it('names a parameter the report does not take', () => {
    expect(Object.keys(fieldsOf(() => onlyParams({ from: 'x', sort: 'y' }, ['from', 'to'])))).toEqual(['sort']);
    expect(() => onlyParams({ from: 'x' }, ['from', 'to'])).not.toThrow();
  });
});
