import { Injectable, Logger } from '@nestjs/common';
import type { MessageSuggestions, PostcodeSuggestion, StaffActor } from '@campaign-desk/contracts';
import { AuditService } from '@campaign-desk/server-audit';
import { DirectoryService } from '@campaign-desk/server-directory';
import { SupportersService } from '@campaign-desk/server-supporters';
import { MessagesService } from '../messages/messages.service';
import { findPostcodes, findTrusts } from './text-extractors';
import { TriageRulesService } from './triage-rules.service';

/**
 * What triage proposes for a new request: the supporter (matched by sender email, or new and
 * pre-filled from the From name), postcodes in the text resolved to constituency and MP,
 * topics and urgency from the keyword rules, and hospital trusts mentioned.
 */
@Injectable()
export class SuggestionsService {
  private readonly logger = new Logger(SuggestionsService.name);

  constructor(
    private readonly messages: MessagesService,
    private readonly rules: TriageRulesService,
    private readonly supporters: SupportersService,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
  ) {}

  async suggest(id: string, reader: StaffActor): Promise<MessageSuggestions> {
    const message = await this.messages.textForSuggestions(id);
    await this.audit.record({
      actorId: reader.user.id,
      action: 'message.suggestions_viewed',
      entityType: 'message',
      entityId: id,
      ip: reader.ip,
    });
    const text = `${message.subject}\n${message.text}`;
    const match = this.rules.match(text, await this.rules.activeRules());
    return {
      supporter: await this.supporter(message.fromAddress, message.fromName),
      postcodes: await Promise.all(findPostcodes(text).map((p) => this.resolvePostcode(p))),
      topics: match.topics,
      priority: match.priority,
      matchedRules: match.matched.map(({ keyword, topic, priority }) => ({ keyword, topic, priority })),
      trusts: findTrusts(text),
      claimedCase: message.caseReference && !message.caseId ? { reference: message.caseReference } : null,
    };
  }

  private async supporter(email: string | null, name: string | null): Promise<MessageSuggestions['supporter']> {
    const existing = email ? await this.supporters.findByEmail(email).catch(() => null) : null;
    if (existing) return { match: 'existing', supporterId: existing.id, name: existing.name, email: existing.email };
    const fallbackName = name && !name.includes('@') ? name : '';
    return { match: 'new', name: fallbackName, email };
  }

  private async resolvePostcode(postcode: string): Promise<PostcodeSuggestion> {
    try {
      const result = await this.directory.lookup(postcode);
      return {
        postcode: result.postcode,
        found: result.constituency !== null,
        method: result.method,
        ambiguous: result.ambiguous,
        constituency: result.constituency,
        mp: result.mp,
        problem: result.constituency ? null : (result.message ?? 'not found'),
      };
    } catch (error) {
      const response = (error as { getResponse?: () => unknown }).getResponse?.() as { message?: string } | undefined;
      if (!response) this.logger.warn({ err: (error as Error).message }, 'postcode lookup failed');
      return {
        postcode,
        found: false,
        method: null,
        ambiguous: false,
        constituency: null,
        mp: null,
        problem: response?.message ?? 'lookup failed',
      };
    }
  }
}
