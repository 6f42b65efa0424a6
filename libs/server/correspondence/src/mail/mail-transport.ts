import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Readable } from 'node:stream';
import nodemailer, { type Transporter, type TransportOptions } from 'nodemailer';
import { AppConfig } from '@campaign-desk/server-core';
import { classifySendError, type SendOutcome } from './send-outcome';

/**
 * The message as nodemailer reads it: the bytes at once, but the end of the stream (after which
 * nodemailer writes the terminating "." that lets the server accept the message) only after
 * `beforeEnd` has committed the point of no return. Until then the server cannot have the message.
 */
class GuardedMessage extends Readable {
  handedOver = false;
  private stage: 'body' | 'end' | 'waiting' = 'body';

  constructor(
    private readonly raw: Buffer,
    private readonly beforeEnd: () => Promise<void>,
  ) {
    super();
  }

  override _read(): void {
    if (this.stage === 'body') {
      this.stage = 'end';
      this.push(this.raw);
    } else if (this.stage === 'end') {
      this.stage = 'waiting';
      this.beforeEnd().then(
        () => {
          this.handedOver = true;
          this.push(null);
        },
        (error: Error) => this.destroy(error),
      );
    }
  }
}

export interface SmtpTransportOptions {
  url: string;
  maxConnections: number;
  timeoutMs: number;
}

/** nodemailer's pooled SMTP transport with the settings both the sender and the benchmark use. */
export function createPooledTransport(options: SmtpTransportOptions): Transporter {
  return nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections,
    maxMessages: 1000,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  } as TransportOptions);
}

/** Sends over SMTP; the only place that talks to the mail server. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  /** Never throws: answers what happened, including whether the message may have been delivered. */
  async send(
    envelope: { from: string; to: string },
    raw: Buffer,
    beforeEnd: () => Promise<void>,
  ): Promise<SendOutcome> {
    const message = new GuardedMessage(raw, beforeEnd);
    try {
      const info = (await this.pool().sendMail({
        envelope: { from: envelope.from, to: [envelope.to] },
        raw: message,
      })) as { response?: string };
      return { kind: 'sent', response: String(info.response ?? '') };
    } catch (error) {
      return classifySendError(error, message.handedOver);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  private pool(): Transporter {
    this.transporter ??= createPooledTransport({
      url: this.config.SMTP_URL,
      maxConnections: this.config.SMTP_POOL_CONNECTIONS,
      timeoutMs: this.config.SMTP_TIMEOUT_MS,
    });
    return this.transporter;
  }
}
