import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { AppConfig } from '@campaign-desk/server-core';
import { ImapPollerService, parseImapUrl } from './imap-poller.service';

const RECONNECT_MS = 5_000;
/** New-mail notifications often come in bursts (one per appended message): one poll serves them. */
const COALESCE_MS = 300;
/** Another worker holds the poll lock: its poll may have searched before this message arrived. */
const RETRY_WHEN_BUSY_MS = 2_000;

/**
 * Keeps an IDLE connection to the team mailbox where the server offers IDLE, and polls as soon as
 * it announces new mail, so a supporter's email reaches the triage inbox in seconds rather than at
 * the next scheduled poll. The scheduled poll stays as the backstop (a dropped connection, a
 * server without IDLE); the poll itself is what stores and marks seen, under its advisory lock.
 */
@Injectable()
export class ImapIdleWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImapIdleWatcher.name);
  private client: ImapFlow | null = null;
  private stopped = false;
  private pending: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private polling: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: AppConfig,
    private readonly poller: ImapPollerService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.IMAP_URL && this.config.IMAP_IDLE) void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.pending) clearTimeout(this.pending);
    if (this.reconnect) clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    if (client) await client.logout().catch(() => client.close());
    await this.polling.catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const connection = parseImapUrl(this.config.IMAP_URL as string);
    const client = new ImapFlow({
      host: connection.host,
      port: connection.port,
      secure: connection.secure,
      auth: { user: connection.user, pass: connection.pass },
      logger: false,
      maxIdleTime: 5 * 60_000,
    });
    client.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'IMAP IDLE connection error'));
    client.on('close', () => {
      // Only the live connection reconnects (not one given up on below, nor one closed at shutdown).
      if (this.client !== client) return;
      this.client = null;
      this.scheduleReconnect();
    });
    client.on('exists', () => this.soon());
    try {
      await client.connect();
      if (!client.capabilities.has('IDLE')) {
        this.logger.log('The IMAP server does not offer IDLE: relying on the scheduled poll');
        await client.logout().catch(() => client.close());
        return;
      }
      await client.mailboxOpen(this.config.IMAP_FOLDER, { readOnly: true });
      this.client = client;
      if (this.stopped) await this.onApplicationShutdown();
      // Enter IDLE now: imapflow would only start it by itself after 15 s of inactivity. Mail that
      // came while no connection was open is picked up by the first poll.
      client.idle().catch((error: Error) => this.logger.warn({ err: error.message }, 'IMAP IDLE ended with an error'));
      this.soon();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'IMAP IDLE could not connect; retrying');
      client.close();
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.connect();
    }, RECONNECT_MS);
  }

  private soon(delayMs = COALESCE_MS): void {
    if (this.pending || this.stopped) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.polling = this.pollNow();
    }, delayMs);
  }

  private async pollNow(): Promise<void> {
    try {
      const result = await this.poller.pollOnce();
      if ('skipped' in result && result.skipped === 'another_worker_is_polling') this.soon(RETRY_WHEN_BUSY_MS);
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message },
        'IMAP poll after new mail failed; the scheduled poll will retry',
      );
    }
  }
}
