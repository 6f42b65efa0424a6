import { SCHEDULED_EMAIL_KINDS, type ScheduledEmailKind } from '@campaign-desk/contracts';
import type { RenderContextOf, RenderContextPart } from './render-context';
import { untilCheckinAnswered, type StaleRule } from './stale-rules';

/**
 * What the server knows of a kind of email beyond its shared facts (`EMAIL_KINDS` in contracts:
 * recipient, chase plan, consent). Its template has the kind as key.
 */
export interface EmailKindDefinition {
  template: { name: string; description: string };
  /** The parts of the render context its template may use, beyond the case's values. */
  context: readonly RenderContextPart[];
  /**
   * What else makes it stale at send time, after what every email shares (case closed or on
   * hold, supporter on hold) and what its facts imply (the chase plan's awaiting the MP), and
   * before its consent.
   */
  staleWhen: readonly StaleRule[];
  /** Sending it meets the case's first response and restarts its next-update clock. */
  countsAsSupporterUpdate: boolean;
}

/** One row per email kind (the server's half); a kind left out fails the type check. */
export const EMAIL_KIND_DEFINITIONS = {
  reply: {
    template: { name: 'Reply to the supporter', description: 'Starting point for a reply written from the case' },
    context: [],
    staleWhen: [],
    countsAsSupporterUpdate: true,
  },
  supporter_checkin: {
    template: {
      name: 'Supporter check-in',
      description: '"Has your MP replied?" with one-click answers, sent after the MP was contacted',
    },
    context: ['contact', 'checkin'],
    staleWhen: [untilCheckinAnswered],
    countsAsSupporterUpdate: false,
  },
  checkin_reminder: {
    template: { name: 'Check-in reminder', description: 'Sent once if the supporter has not answered the check-in' },
    context: ['contact', 'checkin'],
    staleWhen: [untilCheckinAnswered],
    countsAsSupporterUpdate: false,
  },
  mp_chase: {
    template: { name: "Chase to the MP's office", description: 'Sent when the MP has not responded' },
    context: ['contact'],
    staleWhen: [],
    countsAsSupporterUpdate: false,
  },
  meeting_thank_you: {
    template: {
      name: 'Meeting thank-you',
      description: 'Drafted the working day after a meeting, listing the agreed actions',
    },
    context: ['actions'],
    staleWhen: [],
    countsAsSupporterUpdate: false,
  },
  action_chase: {
    template: { name: 'Agreed action chase', description: 'Sent when an agreed action falls due' },
    context: ['action'],
    staleWhen: [],
    countsAsSupporterUpdate: false,
  },
  mp_email: {
    template: {
      name: "Email to the MP's office",
      description: 'Starting point for an email to the MP written from the case',
    },
    context: ['contact'],
    staleWhen: [],
    countsAsSupporterUpdate: false,
  },
} as const satisfies { readonly [K in ScheduledEmailKind]: EmailKindDefinition };

/** The values each kind's template is rendered with: its placeholders are checked against it at compile time. */
export type RenderContextByKind = {
  [K in ScheduledEmailKind]: RenderContextOf<(typeof EMAIL_KIND_DEFINITIONS)[K]['context'][number]>;
};

export const contextPartsOf = (kind: ScheduledEmailKind): readonly RenderContextPart[] =>
  EMAIL_KIND_DEFINITIONS[kind].context;

/** A check-in is an email carrying the one-click answers; answering one stops the others of its contact. */
export const carriesCheckinLinks = (kind: ScheduledEmailKind): boolean => contextPartsOf(kind).includes('checkin');
export const CHECKIN_KINDS: readonly ScheduledEmailKind[] = SCHEDULED_EMAIL_KINDS.filter(carriesCheckinLinks);
