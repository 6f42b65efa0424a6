import { Injectable } from '@nestjs/common';
import type { DomainEventPayloads } from '@campaign-desk/contracts';
import { OnDomainEvent } from '@campaign-desk/server-core';
import type { EntityManager } from 'typeorm';
import { MpResponsesService } from './mp-responses.service';

/**
 * What the supporter's check-in answer means for the case (in the answer's transaction):
 * "yes" is a substantive response received when the supporter says (never the click time) (the case moves to `mp_responded`, chasing stops);
 * "only an acknowledgement" is recorded as one, and the MP's office is still chased for a real
 * answer; "no" changes nothing (correspondence already stopped the check-in reminder).
 */
@Injectable()
export class CheckinAnswersSubscriber {
  constructor(private readonly responses: MpResponsesService) {}

  @OnDomainEvent('checkin.answered')
  async onAnswer(event: DomainEventPayloads['checkin.answered'], tx: EntityManager): Promise<void> {
    if (event.answer === 'no') return;
    await this.responses.recordIn(
      tx,
      {
        caseId: event.caseId,
        kind: event.answer === 'yes' ? 'substantive' : 'acknowledgement',
        // "yes" carries the supporter's date; an acknowledgement is not asked for one, so it is the click time.
        receivedAt: new Date(event.reply?.receivedAt ?? event.answeredAt),
        latestAt: event.reply ? new Date(event.reply.latestAt) : undefined,
        summary: null,
        messageId: null,
        source: 'supporter_checkin',
        receivedAtSource: event.reply?.receivedAtSource ?? 'click_approximate',
        addressed: event.reply?.addressed ?? null,
        mpContactId: event.mpContactId,
        stopsChasing: event.answer === 'yes',
      },
      { id: null },
    );
  }
}
