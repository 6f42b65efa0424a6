import { Injectable, Logger } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { AppConfig } from '@campaign-desk/server-core';
import { IntakeService } from '../inbound/intake.service';
import { RawMessagesRepository } from '../raw-messages/raw-messages.repository';

/** Postgres advisory lock key: one poller at a time across every worker process. */
export const IMAP_POLL_LOCK = 7_302_001;
const BATCH = 25;

export type PollResult =
  | { skipped: 'not_configured' | 'another_worker_is_polling' }
  | { unseen: number; stored: number; duplicates: number; oversized: number; refused: number };

export interface ImapConnection {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
}

/** `imap://user:password@host:143` or `imaps://…:993`; user and password URL-encoded. */
export function parseImapUrl(value: string): ImapConnection {
  const url = new URL(value);
  const secure = url.protocol === 'imaps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
  };
}

/**
 * Polls the team mailbox for unseen messages. Each message is committed through IntakeService
 * before it is marked \Seen (DESIGN invariant 1): a crash in between only means the next poll
 * fetches it again, and intake's deduplication makes that a no-op.
 */
@Injectable()
export class ImapPollerService {
  private readonly logger = new Logger(ImapPollerService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly intake: IntakeService,
    private readonly raw: RawMessagesRepository,
  ) {}

  async pollOnce(): Promise<PollResult> {
    if (!this.config.IMAP_URL) return { skipped: 'not_configured' };
    const locked = await this.raw.withExclusiveLock(IMAP_POLL_LOCK, () =>
      this.poll(parseImapUrl(this.config.IMAP_URL!)),
    );
    return locked ? locked.result : { skipped: 'another_worker_is_polling' };
  }

  private async poll(connection: ImapConnection): Promise<PollResult> {
    const client = new ImapFlow({
      host: connection.host,
      port: connection.port,
      secure: connection.secure,
      auth: { user: connection.user, pass: connection.pass },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'IMAP connection error'));
    await client.connect();
    const result = { unseen: 0, stored: 0, duplicates: 0, oversized: 0, refused: 0 };
    try {
      const lock = await client.getMailboxLock(this.config.IMAP_FOLDER);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        result.unseen = uids.length;
        for (let i = 0; i < uids.length; i += BATCH) await this.storeBatch(client, uids.slice(i, i + BATCH), result);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    if (result.stored || result.oversized) this.logger.log({ ...result }, 'IMAP poll stored messages');
    return result;
  }

  private async storeBatch(
    client: ImapFlow,
    uids: number[],
    result: { stored: number; duplicates: number; oversized: number; refused: number },
  ): Promise<void> {
    const sizes = await client.fetchAll(uids.join(','), { uid: true, size: true }, { uid: true });
    const max = this.config.INTAKE_MAX_MESSAGE_BYTES;
    const wanted = sizes.filter((m) => (m.size ?? 0) <= max).map((m) => m.uid);
    const oversized = sizes.filter((m) => (m.size ?? 0) > max);
    const committed: number[] = [];
    try {
      // Fetch first, store after: no IMAP command may run inside a fetch.
      const messages = wanted.length
        ? await client.fetchAll(wanted.join(','), { uid: true, source: true }, { uid: true })
        : [];
      for (const message of messages) {
        if (!message.source) continue;
        const receipt = await this.intake.accept(message.source, 'imap');
        if (receipt.status === 'refused') result.refused++;
        else if (receipt.duplicate) result.duplicates++;
        else result.stored++;
        committed.push(message.uid);
      }
      for (const message of oversized) {
        const [head] = await client.fetchAll(String(message.uid), { uid: true, headers: true }, { uid: true });
        await this.intake.acceptOversized(
          head?.headers ?? Buffer.from(`X-Oversized-Imap-Uid: ${message.uid}\r\n\r\n`),
          message.size ?? 0,
          'imap',
        );
        result.oversized++;
        committed.push(message.uid);
      }
    } finally {
      // Only what is committed is marked seen, also when a later message in the batch failed.
      if (committed.length) await client.messageFlagsAdd(committed.join(','), ['\\Seen'], { uid: true });
    }
  }
}
