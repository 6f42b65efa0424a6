import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A private Dovecot IMAP server for tests (Debian's `dovecot-imapd`): its own config in a temp
 * dir, a non-daemon child process listening on 127.0.0.1 on a free port, plain auth against a
 * static password, maildir storage in the temp dir. Stop it with `stop()`.
 */
export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** IMAP_URL for the app. */
  url: string;
  dir: string;
  stop(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function systemUser(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Waits for the IMAP greeting. */
async function waitForGreeting(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.setTimeout(1000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error('dovecot did not start in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function dovecotInstalled(): boolean {
  return existsSync(DOVECOT);
}

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<Dovecot> {
  if (!dovecotInstalled()) {
    throw new Error('Dovecot is not installed: apt-get update && apt-get install -y dovecot-imapd');
  }
  const user = options.user ?? 'intake';
  const password = options.password ?? 'imap-test-password';
  const dir = await mkdtemp(join(tmpdir(), 'cd-dovecot-'));
  await chmod(dir, 0o755);
  const port = await freePort();
  // As root, mail processes must run as an unprivileged user (Dovecot refuses uid 0): use Debian's
  // dovecot users. As anyone else, every process runs as that user.
  const asRoot = process.getuid?.() === 0;
  const mailOwner = asRoot ? systemUser('dovecot') : { uid: process.getuid!(), gid: process.getgid!() };
  if (!mailOwner) throw new Error('the dovecot system user is missing');
  const me = asRoot ? null : (process.env.USER ?? 'nobody');
  await mkdir(join(dir, 'mail'));
  await mkdir(join(dir, 'home'));
  if (asRoot) {
    await chown(join(dir, 'mail'), mailOwner.uid, mailOwner.gid);
    await chown(join(dir, 'home'), mailOwner.uid, mailOwner.gid);
  }
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
# Announce new mail to IDLE sessions within a second (the default re-check is 30 s without inotify).
mailbox_idle_check_interval = 1 secs
first_valid_uid = ${mailOwner.uid}
first_valid_gid = ${mailOwner.gid}
default_login_user = ${asRoot ? 'dovenull' : me}
default_internal_user = ${asRoot ? 'dovecot' : me}
default_internal_group = ${asRoot ? 'dovecot' : me}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=${mailOwner.uid} gid=${mailOwner.gid} home=${dir}/home/%u
}
`;
  await writeFile(join(dir, 'dovecot.conf'), config);
  const child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  try {
    await waitForGreeting(port, child, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
    throw new Error(`${(error as Error).message}\n${output}\n${log}`, { cause: error });
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    dir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A signed-in IMAP client of the test mailbox (to append messages and read flags as a mail client would). */
export async function connectMailbox(dovecot: Dovecot): Promise<ImapFlow> {
  const mailbox = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await mailbox.connect();
  return mailbox;
}
