import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  RenderContextProviders,
  type EmailToRender,
  type RenderContextParts,
  type RenderContextProvider,
} from '@campaign-desk/server-correspondence';
import { LONDON } from '@campaign-desk/server-core';
import { MpContactsRepository } from './mp-contacts.repository';

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' });

/** `{{contact.date}}`, `{{contact.channel}}`, `{{contact.daysAgo}}` for the chase plan's emails. */
@Injectable()
export class ContactRenderContext implements RenderContextProvider<'contact'>, OnModuleInit {
  readonly part = 'contact';

  constructor(
    private readonly providers: RenderContextProviders,
    private readonly contacts: MpContactsRepository,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async valueFor(email: EmailToRender, now: Date): Promise<RenderContextParts['contact'] | null> {
    const contact = email.mpContactId
      ? await this.contacts.findById(email.mpContactId)
      : await this.contacts.latestOutbound(email.caseId);
    if (!contact) return null;
    return {
      date: longDate.format(contact.contactedAt),
      channel: contact.channel,
      daysAgo: Math.max(0, Math.floor((now.getTime() - contact.contactedAt.getTime()) / 86_400_000)),
    };
  }
}
