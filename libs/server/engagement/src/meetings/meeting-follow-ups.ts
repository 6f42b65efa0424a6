import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, holidayRegionForNation } from '@campaign-desk/server-core';
import { OutboxService } from '@campaign-desk/server-correspondence';
import type { EntityManager } from 'typeorm';
import type { AgreedActionEntity, MeetingEntity } from './meeting.entity';
import { actionChaseDueAt, thankYouDueAt } from './meeting-rules';
import { MeetingsRepository } from './meetings.repository';

export interface FollowUpCase {
  id: string;
  supporterId: string | null;
  nation: string | null;
}

/**
 * What a held meeting sets off, in the caller's transaction: the thank-you to the MP listing the
 * agreed actions, as a `draft` outbox row (DESIGN §1: drafted for review; nothing sends it until
 * staff approve it on the case or in the scheduled emails, or they cancel it; its due time, the
 * start of office hours on the next working day, is only a suggestion), and an `action_chase` on
 * each chased action's due date. Both render at send time through MeetingRenderContext, so they
 * list what is agreed then.
 */
@Injectable()
export class MeetingFollowUps {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly meetings: MeetingsRepository,
  ) {}

  async schedule(
    tx: EntityManager,
    meeting: MeetingEntity,
    actions: AgreedActionEntity[],
    detail: FollowUpCase,
    staffId: string,
  ): Promise<{ id: string; dueAt: Date }[]> {
    const now = this.clock.now();
    const region = holidayRegionForNation(detail.nation);
    const hours = { startHour: this.config.OFFICE_HOURS_START, endHour: this.config.OFFICE_HOURS_END };
    const common = { caseId: detail.id, supporterId: detail.supporterId, createdBy: staffId };
    const [thankYou] = await this.outbox.schedule(tx, [
      {
        ...common,
        kind: 'meeting_thank_you',
        draft: true,
        dueAt: thankYouDueAt(meeting.startsAt, now, region, hours),
        context: { meetingId: meeting.id },
      },
    ]);
    await this.meetings.update(tx, meeting.id, { thankYouEmailId: thankYou.id });
    const chases: { id: string; dueAt: Date }[] = [];
    for (const action of actions) {
      if (!action.chase || !action.dueDate) continue;
      const [chase] = await this.outbox.schedule(tx, [
        {
          ...common,
          kind: 'action_chase',
          dueAt: actionChaseDueAt(action.dueDate, now, region, hours),
          context: { meetingId: meeting.id, agreedActionId: action.id },
        },
      ]);
      await this.meetings.linkChase(tx, action.id, chase.id);
      chases.push(chase);
    }
    return [thankYou, ...chases];
  }
}
