import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message the sink received in full (the end of DATA). */
export interface SinkMessage {
  raw: string;
  from: string;
  to: string[];
  messageId: string | null;
  headers: Record<string, string>;
  /** When the sink had the whole message (ms since epoch). */
  at: number;
}

/**
 * What the sink does, step by step: `accept` answers 250; a number answers that SMTP code;
 * `hang` never answers (the client times out); `keep-and-hang` stores the message, then hangs.
 */
export type DataBehaviour =
  | 'accept'
  | number
  | 'hang'
  | 'keep-and-hang'
  | ((message: SinkMessage) => 'accept' | number | 'hang' | Promise<'accept' | number>);

export interface SinkBehaviour {
  /** Before the greeting: `hang` holds the connection open without a banner. */
  connect?: 'accept' | 'hang';
  rcpt?: 'accept' | number | 'hang';
  data?: DataBehaviour;
}

export interface TestSink {
  port: number;
  url: string;
  messages: SinkMessage[];
  /** Connections opened (to tell "never connected" from "connected and gave up"). */
  connections: number;
  /** Changes what the sink does. `drop`: also closes open connections, so a pooled client must reconnect. */
  behave(behaviour: SinkBehaviour, options?: { drop?: boolean }): void;
  /** Resolves when `count` messages have been received in full. */
  waitForMessages(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  byMessageId(id: string): SinkMessage[];
  close(): Promise<void>;
}

function parseHeaders(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function smtpError(code: number): Error & { responseCode: number } {
  return Object.assign(new Error(code >= 500 ? 'Permanent failure (test sink)' : 'Try again later (test sink)'), {
    responseCode: code,
  });
}

/** A real SMTP server (smtp-server) on a random port that records what it receives and fails on demand. */
export async function startTestSink(initial: SinkBehaviour = {}): Promise<TestSink> {
  let behaviour: SinkBehaviour = initial;
  const messages: SinkMessage[] = [];
  const waiters: (() => void)[] = [];
  const state = { connections: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      state.connections++;
      if (behaviour.connect === 'hang') return;
      callback();
    },
    onRcptTo(_address, _session, callback) {
      const rcpt = behaviour.rcpt ?? 'accept';
      if (rcpt === 'hang') return;
      if (typeof rcpt === 'number') return callback(smtpError(rcpt));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = parseHeaders(raw);
        const message: SinkMessage = {
          raw,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: headers['message-id'] ?? null,
          headers,
          at: Date.now(),
        };
        const keep = () => {
          messages.push(message);
          for (const wake of waiters.splice(0)) wake();
        };
        const data = behaviour.data ?? 'accept';
        if (data === 'hang') return;
        if (data === 'keep-and-hang') return keep();
        if (typeof data === 'number') return callback(smtpError(data));
        if (data === 'accept') {
          keep();
          return callback();
        }
        Promise.resolve(data(message)).then((answer) => {
          if (answer === 'hang') return;
          if (typeof answer === 'number') return callback(smtpError(answer));
          keep();
          callback();
        });
      });
    },
  });
  const openConnections = () => [
    ...((server as unknown as { connections?: Set<{ close(): void }> }).connections ?? []),
  ];
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const sink: TestSink = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get connections() {
      return state.connections;
    },
    behave(next, options = {}) {
      behaviour = next;
      if (options.drop) for (const connection of openConnections()) connection.close();
    },
    async waitForMessages(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`sink: expected ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 1000));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    byMessageId(id) {
      const wanted = id.startsWith('<') ? id : `<${id}>`;
      return messages.filter((m) => m.messageId === wanted);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of openConnections()) connection.close();
        server.close(() => resolve());
      }),
  };
  return sink;
}

/** Polls until `fn` answers something other than undefined. */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
