import { BadRequestException } from '@nestjs/common';
import { csvOrJson } from './negotiate';

describe('csvOrJson', () => {
  it('answers CSV only when asked for by name', () => {
    expect(csvOrJson('text/csv', undefined)).toBe('csv');
    expect(csvOrJson('text/csv; charset=utf-8', undefined)).toBe('csv');
    expect(csvOrJson('application/json, text/csv;q=0.5', undefined)).toBe('json');
    expect(csvOrJson('text/html,application/xhtml+xml,*/*;q=0.8', undefined)).toBe('json');
    expect(csvOrJson(undefined, undefined)).toBe('json');
  });

  it('lets ?format override the Accept header, and rejects other formats', () => {
    expect(csvOrJson('application/json', 'csv')).toBe('csv');
    expect(csvOrJson('text/csv', 'json')).toBe('json');
    expect(() => csvOrJson(undefined, 'xlsx')).toThrow(BadRequestException);
  });
});
