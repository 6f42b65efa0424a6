import { Injectable } from '@nestjs/common';
import type { ScheduledEmailKind } from '@campaign-desk/contracts';
import type { TemplateScope } from '../templates/template-renderer';

/** What a provider knows of the email being rendered. */
export interface EmailToRender {
  id: string;
  kind: ScheduledEmailKind;
  caseId: string;
  mpContactId: string | null;
  context: Record<string, string>;
}

/**
 * Placeholder values another domain owns (the MP contact's date, a meeting's agreed actions).
 * A lib registers a provider at start, so correspondence renders them without depending on it:
 *
 *   @Injectable()
 *   export class ContactRenderContext implements RenderContextProvider, OnModuleInit {
 *     readonly name = 'contact';
 *     constructor(private readonly providers: RenderContextProviders, private readonly contacts: MpContactsRepository) {}
 *     onModuleInit() { this.providers.register(this); }
 *     async scopeFor(email) { return email.mpContactId ? { contact: {...} } : {}; }
 *   }
 */
export interface RenderContextProvider {
  readonly name: string;
  scopeFor(email: EmailToRender, now: Date): Promise<TemplateScope>;
}

@Injectable()
export class RenderContextProviders {
  private readonly providers = new Map<string, RenderContextProvider>();

  register(provider: RenderContextProvider): void {
    if (this.providers.has(provider.name))
      throw new Error(`A render context provider "${provider.name}" is already registered`);
    this.providers.set(provider.name, provider);
  }

  async scopeFor(email: EmailToRender, now: Date): Promise<TemplateScope> {
    const scopes = await Promise.all([...this.providers.values()].map((p) => p.scopeFor(email, now)));
    return Object.assign({}, ...scopes) as TemplateScope;
  }
}
