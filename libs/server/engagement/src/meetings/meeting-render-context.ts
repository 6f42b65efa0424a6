import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ActionOwner } from '@campaign-desk/contracts';
import {
  RenderContextProviders,
  type EmailToRender,
  type RenderContextProvider,
  type TemplateScope,
} from '@campaign-desk/server-correspondence';
import type { AgreedActionEntity } from './meeting.entity';
import { MeetingsRepository } from './meetings.repository';

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const OWNER_LABELS: Record<ActionOwner, string> = {
  mp: 'the MP',
  trust: 'the hospital trust',
  charity: 'the charity',
  supporter: 'your constituent',
};

/** A calendar date as the letter reads it (`1 December 2026`); dates carry no time, so no zone shift. */
export const formatDueDate = (date: string | null) => (date ? longDate.format(new Date(`${date}T00:00:00Z`)) : null);

function actionScope(a: AgreedActionEntity): TemplateScope {
  return { description: a.description, owner: OWNER_LABELS[a.owner], dueDate: formatDueDate(a.dueDate) };
}

/** `{{#actions}}` for the meeting thank-you and `{{action.*}}` for an agreed action's chase. */
@Injectable()
export class MeetingRenderContext implements RenderContextProvider, OnModuleInit {
  readonly name = 'meeting';

  constructor(
    private readonly providers: RenderContextProviders,
    private readonly meetings: MeetingsRepository,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async scopeFor(email: EmailToRender): Promise<TemplateScope> {
    const scope: TemplateScope = {};
    if (email.kind === 'meeting_thank_you' && email.context.meetingId) {
      scope.actions = (await this.meetings.actionsOf([email.context.meetingId])).map(actionScope);
    }
    if (email.kind === 'action_chase' && email.context.agreedActionId) {
      const action = await this.meetings.findAction(email.context.agreedActionId);
      if (action) scope.action = actionScope(action);
    }
    return scope;
  }
}
