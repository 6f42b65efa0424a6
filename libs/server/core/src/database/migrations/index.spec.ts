import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverMigrations, MIGRATIONS } from './index';

describe('migrations', () => {
  it('are every timestamped file of the folder, in order', () => {
    const names = MIGRATIONS.map((m) => m.name);
    expect(names[0]).toBe('Foundation1700000000000');
    expect(names).toContain('Reports1700000006000');
    const stamps = names.map((n) => Number(n.slice(-13)));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it('refuses a migration file without its class', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-migrations-'));
    writeFileSync(join(dir, '1800000000000-misnamed.js'), 'exports.Misnamed = class Misnamed {};');
    expect(() => discoverMigrations(dir)).toThrow(/1800000000000-misnamed\.js must export exactly one class/);
  });
});
