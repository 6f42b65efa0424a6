import type { TrustedLink } from '../templates/template-renderer';

/** The case's values every template may use (empty when the case has no supporter or no MP). */
export type CaseRenderContext = {
  supporter: { name?: string; firstName?: string; postcode?: string | null };
  case: { reference: string };
  mp: { name?: string; party?: string; constituency?: string | null };
  staff: { name: string };
};

export type AgreedActionRenderContext = { description: string; owner: string; dueDate: string | null };

/**
 * The parts of a render context beyond the case's, each under its own placeholder name. A kind
 * lists the parts its template uses (EMAIL_KIND_DEFINITIONS); correspondence fills `checkin`, the
 * lib that owns the data fills the others through a RenderContextProvider.
 */
export type RenderContextParts = {
  /** The MP contact that started the chase plan (engagement). */
  contact: { date: string; channel: string; daysAgo: number };
  /** The one-click answers of a check-in. */
  checkin: { yesUrl: TrustedLink; acknowledgementUrl: TrustedLink; noUrl: TrustedLink };
  /** A meeting's agreed actions (engagement). */
  actions: AgreedActionRenderContext[];
  /** The agreed action being chased (engagement). */
  action: AgreedActionRenderContext;
};
export type RenderContextPart = keyof RenderContextParts;
/** The parts another lib provides; a provider that finds nothing leaves its part out (its placeholders render empty). */
export type ProvidedRenderContextPart = Exclude<RenderContextPart, 'checkin'>;

/** The case's values and the given parts. */
export type RenderContextOf<P extends RenderContextPart> = CaseRenderContext & {
  [K in Exclude<P, ProvidedRenderContextPart>]: RenderContextParts[K];
} & { [K in Extract<P, ProvidedRenderContextPart>]?: RenderContextParts[K] };

/** What the supporter's letter to their MP (`mp_letter`, drafted by engagement) adds to the case's values. */
export type LetterRenderContext = {
  supporter: { address?: string | null };
  mp: { fullTitle?: string };
  letter: { date: string; story: string };
  asks: { text: string }[];
};

type Leaf = string | number | boolean | null | undefined | TrustedLink;
type PathOf<K extends string, V> = V extends Leaf
  ? K
  : V extends readonly (infer Item)[]
    ? K | `${K}.${PlaceholderName<Item>}`
    : `${K}.${PlaceholderName<V>}`;

/**
 * Every placeholder a context offers, as templates write them: `supporter.firstName`, a list and
 * its members (`actions`, `actions.description`).
 */
export type PlaceholderName<T> = { [K in keyof T & string]-?: PathOf<K, NonNullable<T[K]>> }[keyof T & string];

/** A description of each placeholder of a context: one missing, or one the context lacks, fails the type check. */
export type PlaceholderDescriptions<T> = Record<PlaceholderName<T>, string>;
