import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  RenderContextProviders,
  type EmailToRender,
  type RenderContextProvider,
  type TemplateScope,
} from '@campaign-desk/server-correspondence';
import { LONDON } from '@campaign-desk/server-core';
import { MpContactsRepository } from './mp-contacts.repository';

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'long', year: 'numeric' });

/** `{{contact.date}}`, `{{contact.channel}}`, `{{contact.daysAgo}}` for the chase plan's emails. */
@Injectable()
export class ContactRenderContext implements RenderContextProvider, OnModuleInit {
  readonly name = 'mp_contact';

  constructor(
    private readonly providers: RenderContextProviders,
    private readonly contacts: MpContactsRepository,
  ) {}

  onModuleInit(): void {
    this.providers.register(this);
  }

  async scopeFor(email: EmailToRender, now: Date): Promise<TemplateScope> {
    const contact = email.mpContactId
      ? await this.contacts.findById(email.mpContactId)
      : await this.contacts.latestOutbound(email.caseId);
    if (!contact) return {};
    return {
      contact: {
        date: longDate.format(contact.contactedAt),
        channel: contact.channel,
        daysAgo: Math.max(0, Math.floor((now.getTime() - contact.contactedAt.getTime()) / 86_400_000)),
      },
    };
  }
}
