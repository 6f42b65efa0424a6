import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * react-admin's reference inputs ask for their choices sorted by `id` unless told otherwise, and the
 * API whitelists sort fields per resource (`id` is not one): such an input would show "Please wait"
 * for ever. Every reference input in the dashboard must name a sort the API accepts.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('reference inputs', () => {
  it('all name a sort', () => {
    const missing = sources(join(__dirname, '..')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<Reference(?:Array)?Input\b[^>]*>/g)]
        .filter((match) => !/\bsort=/.test(match[0]))
        .map((match) => `${file}: ${match[0]}`),
    );
    expect(missing).toEqual([]);
  });
});
