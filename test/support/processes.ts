import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const BUILT = {
  api: resolve('dist/server/apps/api/src/main.js'),
  worker: resolve('dist/server/apps/worker/src/main.js'),
};

/** A built API or worker running as its own process (so tests can SIGKILL it). */
export interface AppProcess {
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown hooks, sockets closed by the kernel, Postgres sessions end. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful path (active jobs finish). */
  stop(): Promise<void>;
}

function start(
  kind: 'api' | 'worker',
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<AppProcess> {
  if (!existsSync(BUILT[kind]))
    throw new Error(`${BUILT[kind]} is missing: run \`npm run build:server\` first (npm test does)`);
  const child = spawn(process.execPath, [BUILT[kind]], {
    env: { ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const handle: AppProcess = {
    child,
    output: () => output,
    kill: () => stopWith('SIGKILL'),
    stop: () => stopWith('SIGTERM'),
  };
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${kind} did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      if (ready.test(output)) {
        clearTimeout(timer);
        done(handle);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${kind} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** The built worker with this test file's database, queue prefix and SMTP sink (from process.env), plus overrides. */
export function spawnWorker(env: Record<string, string> = {}): Promise<AppProcess> {
  return start('worker', env, /Campaign Desk worker running/);
}

export function spawnApi(port: number, env: Record<string, string> = {}): Promise<AppProcess> {
  return start('api', { PORT: String(port), HOST: '127.0.0.1', ...env }, /listening on/);
}

/** A TCP port nothing listens on right now, for a spawned API. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}
