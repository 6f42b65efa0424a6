import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CoreModule } from '@campaign-desk/server-core';
import {
  DirectoryCoreModule,
  DirectoryImportService,
  DirectoryService,
  parsePostcode,
  PostcodeIndex,
  type ParsedPostcode,
} from '@campaign-desk/server-directory';
import { DirectoryRepository } from '../../libs/server/directory/src/directory.repository';
import { prepareTestEnv } from '../support/test-app';

/**
 * Postcode lookup figures: import time (first load and unchanged re-run), index build time (what
 * boot pays), index memory, and lookups per second at three levels. Prints figures; asserts only
 * that the answers are right, never how fast they came.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function rate(label: string, count: number, ms: number): string {
  return `${label.padEnd(44)} ${Math.round((count / ms) * 1000)
    .toLocaleString('en-GB')
    .padStart(12)} /s  (${((ms * 1000) / count).toFixed(2)} µs each)`;
}

describe('postcode lookup benchmark', () => {
  let app: INestApplicationContext;
  const lines: string[] = [];

  beforeAll(async () => {
    await prepareTestEnv();
    const moduleRef = await Test.createTestingModule({ imports: [CoreModule, DirectoryCoreModule] }).compile();
    app = await moduleRef.init();
  });
  afterAll(async () => {
    await app.close();
    process.stdout.write(
      `\nPostcode lookup benchmark (Node ${process.version})\n${lines.map((l) => `  ${l}`).join('\n')}\n\n`,
    );
  });

  it('measures import, index build, memory and lookups per second', async () => {
    const importer = app.get(DirectoryImportService);
    let t = performance.now();
    const first = await importer.run();
    lines.push(
      `Import, first load: ${((performance.now() - t) / 1000).toFixed(2)} s (${first.postcodes.ranges.rows.toLocaleString('en-GB')} ranges, ${first.postcodes.sectors.rows.toLocaleString('en-GB')} sector rows, ${first.postcodes.districts.rows.toLocaleString('en-GB')} district rows, 650 seats and MPs)`,
    );
    t = performance.now();
    const second = await importer.run();
    expect(second.changed).toBe(false);
    lines.push(`Import, unchanged re-run: ${((performance.now() - t) / 1000).toFixed(2)} s`);

    const repo = app.get(DirectoryRepository);
    const builds: number[] = [];
    let index = PostcodeIndex.empty();
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      index = PostcodeIndex.build(await repo.indexSnapshot());
      builds.push(performance.now() - t);
    }
    builds.sort((a, b) => a - b);
    lines.push(
      `Index build from Postgres (boot cost): median ${builds[2].toFixed(0)} ms, best ${builds[0].toFixed(0)} ms`,
    );

    index = PostcodeIndex.empty();
    const before = heapAfterGc();
    // The snapshot rows are garbage once built: only the index stays reachable.
    index = PostcodeIndex.build(await repo.indexSnapshot());
    const after = heapAfterGc();
    lines.push(
      `Index memory (heap after GC): ${((after - before) / 1024 / 1024).toFixed(1)} MB for ${JSON.stringify(index.counts)}`,
    );

    const real = [...index.realPostcodes()];
    const step = Math.max(1, Math.floor(real.length / 20_000));
    const full = real.filter((_, i) => i % step === 0).map((r) => r.postcode);
    const sectors = full.map((p) => p.slice(0, -2));
    const districts = full.map((p) => p.split(' ')[0]);
    const raw = full.map((p, i) => (i % 2 ? p.toLowerCase().replace(' ', '') : p));
    const inputs = [...raw, ...sectors.slice(0, 2_000), ...districts.slice(0, 2_000)];
    const parsed = inputs.map((p) => (parsePostcode(p) as { ok: true; postcode: ParsedPostcode }).postcode);

    const timeIt = (rounds: number, fn: () => void) => {
      fn(); // warm up
      const start = performance.now();
      for (let r = 0; r < rounds; r++) fn();
      return performance.now() - start;
    };
    let hits = 0;
    const resolveMs = timeIt(20, () => {
      for (const p of parsed) if (index.resolve(p)) hits++;
    });
    lines.push(
      rate(
        `index.resolve (parsed; ${parsed.length.toLocaleString('en-GB')} mixed inputs)`,
        parsed.length * 20,
        resolveMs,
      ),
    );
    const parseMs = timeIt(20, () => {
      for (const p of inputs) {
        const r = parsePostcode(p);
        if (r.ok && index.resolve(r.postcode)) hits++;
      }
    });
    lines.push(rate('parse + normalise + resolve', inputs.length * 20, parseMs));
    expect(hits).toBeGreaterThan(0);

    const directory = app.get(DirectoryService);
    for (const p of inputs) await directory.lookup(p); // warm up
    const start = performance.now();
    for (let r = 0; r < 5; r++) for (const p of inputs) await directory.lookup(p);
    lines.push(rate('DirectoryService.lookup (the API answer object)', inputs.length * 5, performance.now() - start));

    const check = await directory.lookup('WC1E 6BT');
    expect(check.constituency?.id).toBe('E14001290');
  });
});
