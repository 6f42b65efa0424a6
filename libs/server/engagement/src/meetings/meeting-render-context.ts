import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ActionOwner } from '@campaign-desk/contracts';
import {
  RenderContextProviders,
  type AgreedActionRenderContext,
  type EmailToRender,
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

function actionContext(a: AgreedActionEntity): AgreedActionRenderContext {
  return { description: a.description, owner: OWNER_LABELS[a.owner], dueDate: formatDueDate(a.dueDate) };
}

/**
 * `{{#actions}}` (the agreed actions of the email's meeting, for the thank-you) and `{{action.*}}`
 * (the agreed action an email chases), from the ids the email was scheduled with.
 */
@Injectable()
export class MeetingRenderContext implements OnModuleInit {
  constructor(
    private readonly providers: RenderContextProviders,
    private readonly meetings: MeetingsRepository,
  ) {}

  onModuleInit(): void {
    this.providers.register({ part: 'actions', valueFor: (email) => this.agreedActions(email) });
    this.providers.register({ part: 'action', valueFor: (email) => this.chasedAction(email) });
  }

  private async agreedActions(email: EmailToRender): Promise<AgreedActionRenderContext[] | null> {
    if (!email.context.meetingId) return null;
    return (await this.meetings.actionsOf([email.context.meetingId])).map(actionContext);
  }

  private async chasedAction(email: EmailToRender): Promise<AgreedActionRenderContext | null> {
    const action = email.context.agreedActionId ? await this.meetings.findAction(email.context.agreedActionId) : null;
    return action ? actionContext(action) : null;
  }
}
