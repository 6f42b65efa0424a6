import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exportApiDocument } from '../../apps/api/src/openapi/export-document';

/** Writes the API's OpenAPI document to the path given (no database needed); fails on an incomplete one. */
async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'tmp/openapi/openapi.json');
  const { document, problems } = await exportApiDocument();
  if (problems.length) throw new Error(`The OpenAPI document is incomplete:\n  ${problems.join('\n  ')}`);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
