import type { INestApplicationContext } from '@nestjs/common';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DirectoryImportService, type DirectoryImportReport } from '@campaign-desk/server-directory';

/** The shared reference data (tests run from the repo root, so `../shared/data` is /work/shared/data). */
export const UK_PARLIAMENT_DIR = resolve('../shared/data/uk-parliament');

/** Loads constituencies, MPs and postcode tables into this test file's database and rebuilds the index. */
export async function importDirectory(app: INestApplicationContext, from?: string): Promise<DirectoryImportReport> {
  return app.get(DirectoryImportService).run(from ? { from } : {});
}

/** A writable copy of the reference data, for tests that change a file before importing it. */
export async function copyDirectoryData(): Promise<{
  dir: string;
  rewrite: (name: string, edit: (text: string) => string) => Promise<void>;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'cd-directory-'));
  await cp(UK_PARLIAMENT_DIR, dir, { recursive: true });
  return {
    dir,
    rewrite: async (name, edit) => writeFile(join(dir, name), edit(await readFile(join(dir, name), 'utf8'))),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A tiny HTTP server on the loopback interface; `handler` answers each request path. */
export async function startLoopbackServer(
  handler: (path: string) => { status: number; body: string; contentType?: string } | 'hang',
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const answer = handler(req.url ?? '/');
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
