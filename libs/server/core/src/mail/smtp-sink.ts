import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface SmtpSinkOptions {
  port: number;
  host?: string;
  /** When set, each accepted message is written there as `<n>.eml`. */
  dir?: string;
  /** Called with each accepted message (tests inspect what was "sent"). */
  onMessage?: (message: { from: string; to: string[]; raw: Buffer }) => void;
  /** Lets tests make the sink answer an SMTP error or hang after DATA. */
  onData?: SMTPServerOptions['onData'];
}

/**
 * A real SMTP server that accepts everything and keeps it: the local default for development,
 * so nothing leaves the machine, and the sink the integration tests send to.
 */
export async function startSmtpSink(options: SmtpSinkOptions): Promise<{ port: number; close: () => Promise<void> }> {
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 50 * 1024 * 1024,
    onData:
      options.onData ??
      ((stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          count++;
          if (options.dir) writeFileSync(join(options.dir, `${Date.now()}-${count}.eml`), raw);
          options.onMessage?.({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
