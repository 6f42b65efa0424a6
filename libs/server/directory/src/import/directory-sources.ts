import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DirectoryImportError } from './directory-formats';

/** Where each input comes from: a file path or an http(s) URL. */
export interface DirectorySources {
  constituencies: string;
  mps: string;
  postcodeRanges: string;
  postcodeCodes: string;
  postcodeSectors: string;
  postcodeDistricts: string;
}

export type DirectorySourceName = keyof DirectorySources;

/** File names inside a directory laid out like `../shared/data/uk-parliament`. */
export const DEFAULT_FILE_NAMES: DirectorySources = {
  constituencies: 'constituencies_2024.csv',
  mps: 'mps_by_constituency.csv',
  postcodeRanges: 'sources/mysociety_pcon_2024_range_lookup.json',
  postcodeCodes: 'sources/mysociety_pcon_2024_codes.json',
  postcodeSectors: 'postcode_sector_to_pcon2024.csv',
  postcodeDistricts: 'postcode_district_to_pcon2024.csv',
};

const FETCH_TIMEOUT_MS = 60_000;

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** Every source inside `from` (a directory or a base URL), with any given individually taking precedence. */
export function resolveSources(from: string, overrides: Partial<DirectorySources> = {}): DirectorySources {
  const inside = (name: string) =>
    isUrl(from) ? new URL(name, from.endsWith('/') ? from : `${from}/`).toString() : resolve(from, name);
  const sources = {} as DirectorySources;
  for (const key of Object.keys(DEFAULT_FILE_NAMES) as DirectorySourceName[]) {
    const given = overrides[key];
    sources[key] = given ? (isUrl(given) ? given : resolve(given)) : inside(DEFAULT_FILE_NAMES[key]);
  }
  return sources;
}

export async function readSource(location: string, what: string): Promise<string> {
  if (!isUrl(location)) {
    try {
      return await readFile(location, 'utf8');
    } catch (error) {
      throw new DirectoryImportError(
        `${what}: cannot read ${location} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  }
  let res: Response;
  try {
    res = await fetch(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new DirectoryImportError(`${what}: cannot fetch ${location} (${(error as Error).message})`);
  }
  if (!res.ok) throw new DirectoryImportError(`${what}: ${location} answered HTTP ${res.status}`);
  return res.text();
}
