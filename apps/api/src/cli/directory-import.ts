import { NestFactory } from '@nestjs/core';
import {
  DirectoryImportService,
  type DatasetOutcome,
  type DirectoryImportReport,
  type DirectorySources,
} from '@campaign-desk/server-directory';
import { CliModule } from './cli.module';

export const DIRECTORY_IMPORT_USAGE = `npm run directory:import [-- --from <dir|url>] [--if-empty]
      [--constituencies <file|url>] [--mps <file|url>] [--postcode-ranges <file|url>] [--postcode-codes <file|url>]
      [--postcode-sectors <file|url>] [--postcode-districts <file|url>]
    Default --from is SHARED_DATA_DIR/uk-parliament. Constituencies: constituencies_2024.csv or the House of Commons
    Library results CSV. MPs: mps_by_constituency.csv, DfE mp_lookup.csv or open-innovations current-MPs.csv.
    Postcodes: mySociety's range lookup + codes JSON, and the sector and district CSVs.`;

const SOURCE_FLAGS: Record<string, keyof DirectorySources> = {
  constituencies: 'constituencies',
  mps: 'mps',
  'postcode-ranges': 'postcodeRanges',
  'postcode-codes': 'postcodeCodes',
  'postcode-sectors': 'postcodeSectors',
  'postcode-districts': 'postcodeDistricts',
};

/** `npm run directory:import`: loads the directory and prints what changed. */
export async function directoryImportCommand(args: Record<string, string | true>): Promise<void> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    await runDirectoryImport(app.get(DirectoryImportService), args, (text) => process.stdout.write(text));
  } finally {
    await app.close();
  }
}

/** Runs `directory:import` with parsed `--flags`; returns the report, or null when skipped by --if-empty. */
export async function runDirectoryImport(
  service: DirectoryImportService,
  args: Record<string, string | true>,
  write: (text: string) => void,
): Promise<DirectoryImportReport | null> {
  const sources: Partial<DirectorySources> = {};
  let from: string | undefined;
  for (const [flag, value] of Object.entries(args)) {
    if (flag === 'if-empty') continue;
    if (typeof value !== 'string') throw new Error(`--${flag} needs a value\n\n${DIRECTORY_IMPORT_USAGE}`);
    if (flag === 'from') from = value;
    else if (SOURCE_FLAGS[flag]) sources[SOURCE_FLAGS[flag]] = value;
    else throw new Error(`unknown option --${flag}\n\n${DIRECTORY_IMPORT_USAGE}`);
  }
  if (args['if-empty'] && !(await service.isEmpty())) {
    write('Directory already loaded: skipped (run without --if-empty to re-import)\n');
    return null;
  }
  const report = await service.run({ from, sources });
  write(formatImportReport(report));
  return report;
}

const n = (value: number) => value.toLocaleString('en-GB');

function dataset(label: string, d: DatasetOutcome): string {
  if (!d.changed) return `  ${label}: ${n(d.rows)} rows, unchanged`;
  return `  ${label}: ${n(d.rows)} rows loaded (${d.previousRows === null ? 'first load' : `was ${n(d.previousRows)}`})`;
}

/** What changed, in plain words, for the terminal. */
export function formatImportReport(r: DirectoryImportReport): string {
  const c = r.constituencies;
  const lines = [
    `Directory import (${(r.durationMs / 1000).toFixed(1)} s) from ${r.sources.constituencies.replace(/[^/\\]+$/, '')}`,
    `  Constituencies: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`,
    `  MPs: ${r.mps.added} added, ${r.mps.updated} updated`,
    `  Tenures: ${r.tenures.started} started${r.tenures.initial ? ` (${r.tenures.initial} first loads)` : ''}, ${r.tenures.ended} ended`,
  ];
  for (const change of r.seatChanges) {
    const who = (p: { name: string; party: string } | null) => (p ? `${p.name} (${p.party})` : 'vacant');
    lines.push(
      `    ${change.date}  ${change.constituencyName} (${change.constituencyId}): ${who(change.before)} -> ${who(change.after)} [${change.kind.replace('_', ' ')}]`,
    );
  }
  if (r.missingSeats.length) lines.push(`  Not in the MP list, left as they were: ${r.missingSeats.join(', ')}`);
  lines.push(
    dataset('Postcode ranges', r.postcodes.ranges),
    dataset('Postcode sectors', r.postcodes.sectors),
    dataset('Postcode districts', r.postcodes.districts),
  );
  lines.push(r.changed ? 'Changes applied.' : 'Nothing changed.');
  return lines.join('\n') + '\n';
}
