import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { JobPayloads } from '@campaign-desk/contracts';
import { JobHandler } from '@campaign-desk/server-core';
import { ImapPollerService } from '../imap/imap-poller.service';
import { IntakeReconcilerService } from './intake-reconciler.service';
import { MessageParserService } from './message-parser.service';

/** Worker-side handlers of the intake queue. */
@Injectable()
export class IntakeProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(IntakeProcessor.name);

  constructor(
    private readonly parser: MessageParserService,
    private readonly reconciler: IntakeReconcilerService,
    private readonly imap: ImapPollerService,
  ) {}

  /** Picks up messages left unparsed by a previous run, without holding up start-up. */
  onApplicationBootstrap(): void {
    this.reconciler
      .reconcile()
      .catch((error: Error) => this.logger.warn({ err: error.message }, 'start-up reconcile failed'));
  }

  @JobHandler('intake.parse-message')
  parse(payload: JobPayloads['intake.parse-message']) {
    return this.parser.parse(payload.rawMessageId);
  }

  @JobHandler('intake.reconcile')
  reconcile() {
    return this.reconciler.reconcile();
  }

  @JobHandler('intake.poll-imap')
  poll() {
    return this.imap.pollOnce();
  }
}
