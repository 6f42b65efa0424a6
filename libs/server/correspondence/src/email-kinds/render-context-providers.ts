import { Injectable } from '@nestjs/common';
import type { ScheduledEmailKind } from '@campaign-desk/contracts';
import { contextPartsOf, type RenderContextByKind } from './email-kind-definitions';
import type { CaseRenderContext, ProvidedRenderContextPart, RenderContextParts } from './render-context';

/** The parts correspondence fills itself. */
export type OwnRenderContextParts = {
  [P in Exclude<keyof RenderContextParts, ProvidedRenderContextPart>]: () =>
    RenderContextParts[P] | Promise<RenderContextParts[P]>;
};

/** What a provider knows of the email being rendered. */
export interface EmailToRender {
  id: string;
  kind: ScheduledEmailKind;
  caseId: string;
  mpContactId: string | null;
  /** Ids the provider needs (a meeting, an agreed action), written when the email was scheduled. */
  context: Record<string, string>;
}

/**
 * Fills one part of the render context that another domain owns (the MP contact's date, a
 * meeting's agreed actions). It is asked only for kinds whose context lists its part. A lib
 * registers its providers at start, so correspondence renders them without depending on it:
 *
 *   @Injectable()
 *   export class ContactRenderContext implements RenderContextProvider<'contact'>, OnModuleInit {
 *     readonly part = 'contact';
 *     constructor(private readonly providers: RenderContextProviders, private readonly contacts: MpContactsRepository) {}
 *     onModuleInit() { this.providers.register(this); }
 *     async valueFor(email) { return email.mpContactId ? { date: ..., channel: ..., daysAgo: ... } : null; }
 *   }
 */
export interface RenderContextProvider<P extends ProvidedRenderContextPart = ProvidedRenderContextPart> {
  readonly part: P;
  /** The part's values, or null when there is nothing to show (its placeholders then render empty). */
  valueFor(email: EmailToRender, now: Date): Promise<RenderContextParts[P] | null>;
}

type ProviderOf = { [P in ProvidedRenderContextPart]?: RenderContextProvider<P> };

@Injectable()
export class RenderContextProviders {
  private readonly providers: ProviderOf = {};

  register<P extends ProvidedRenderContextPart>(provider: RenderContextProvider<P>): void {
    if (this.providers[provider.part])
      throw new Error(`A render context provider for "${provider.part}" is already registered`);
    (this.providers as Record<P, RenderContextProvider<P>>)[provider.part] = provider;
  }

  /** Throws when no lib provides the part: a kind lists a part nothing registered (a wiring mistake). */
  valueFor<P extends ProvidedRenderContextPart>(
    part: P,
    email: EmailToRender,
    now: Date,
  ): Promise<RenderContextParts[P] | null> {
    const provider = this.providers[part] as RenderContextProvider<P> | undefined;
    if (!provider) throw new Error(`No render context provider fills "${part}"`);
    return provider.valueFor(email, now);
  }

  /** The case's values and the parts the kind's template uses: correspondence's own, and what other libs provide. */
  async contextFor<K extends ScheduledEmailKind>(
    email: EmailToRender & { kind: K },
    caseContext: CaseRenderContext,
    own: OwnRenderContextParts,
    now: Date,
  ): Promise<RenderContextByKind[K]> {
    const parts: Partial<RenderContextParts> = {};
    await Promise.all(
      contextPartsOf(email.kind).map(async (part) => {
        const value = part === 'checkin' ? await own.checkin() : await this.valueFor(part, email, now);
        if (value) Object.assign(parts, { [part]: value });
      }),
    );
    return { ...caseContext, ...parts } as RenderContextByKind[K];
  }
}
