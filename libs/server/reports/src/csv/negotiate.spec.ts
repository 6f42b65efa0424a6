import { BadRequestException } from '@nestjs/common';
import { reportFormat } from './negotiate';

describe('reportFormat', () => {
  it('answers CSV only when asked for by name', () => {
    expect(reportFormat('text/csv', undefined)).toBe('csv');
    expect(reportFormat('text/csv; charset=utf-8', undefined)).toBe('csv');
    expect(reportFormat('application/json, text/csv;q=0.5', undefined)).toBe('json');
    expect(reportFormat('text/html,application/xhtml+xml,*/*;q=0.8', undefined)).toBe('json');
    expect(reportFormat(undefined, undefined)).toBe('json');
  });

  it('lets ?format override the Accept header, and rejects other formats', () => {
    expect(reportFormat('application/json', 'csv')).toBe('csv');
    expect(reportFormat('text/csv', 'json')).toBe('json');
    expect(() => reportFormat(undefined, 'xlsx')).toThrow(BadRequestException);
  });
});
