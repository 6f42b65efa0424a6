import { BadRequestException } from '@nestjs/common';
const CSV_MEDIA_TYPE = 'text/csv';

export type ResponseFormat = 'json' | 'csv';

/**
 * CSV when asked for with `Accept: text/csv` and JSON is not accepted too (or `?format=csv`, for a plain download
 * link), else JSON.
 * A browser's default Accept (`text/html,...,*\/*`) gets JSON: CSV has to be asked for by name.
 */
export function csvOrJson(accept: string | undefined, format: unknown): ResponseFormat {
  if (format !== undefined) {
    if (format !== 'csv' && format !== 'json')
      throw new BadRequestException({
        message: 'format must be csv or json',
        fields: { format: 'must be csv or json' },
      });
    return format;
  }
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  return types.includes(CSV_MEDIA_TYPE) && !types.includes('application/json') ? 'csv' : 'json';
}
