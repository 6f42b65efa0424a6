import {
  EMAIL_KINDS,
  SCHEDULED_EMAIL_KINDS,
  type RecipientKind,
  type ScheduledEmailKind,
  type TemplatePlaceholder,
} from '@campaign-desk/contracts';
import { contextPartsOf, EMAIL_KIND_DEFINITIONS } from '../email-kinds/email-kind-definitions';
import { LETTER_TEMPLATE_PLACEHOLDERS, placeholdersOfParts } from '../email-kinds/placeholders';
import type { CaseRenderContext, LetterRenderContext, RenderContextParts } from '../email-kinds/render-context';
import { TrustedLink } from './template-renderer';

export interface TemplateDefinition {
  /** An email kind, or `mp_letter`: the supporter's letter to their MP (engagement drafts it, staff print or email it). */
  key: ScheduledEmailKind | 'mp_letter';
  name: string;
  description: string;
  recipientKind: RecipientKind;
  placeholders: TemplatePlaceholder[];
}

/** The template of an email kind: its placeholders are those of the kind's render context. */
export function kindTemplateDefinition(kind: ScheduledEmailKind): TemplateDefinition {
  return {
    key: kind,
    ...EMAIL_KIND_DEFINITIONS[kind].template,
    recipientKind: EMAIL_KINDS[kind].recipient,
    placeholders: placeholdersOfParts(contextPartsOf(kind)),
  };
}

/** One template per kind of email, and the letter; the texts live in the database (seeded by migrations, versioned by edits). */
export const TEMPLATE_DEFINITIONS: readonly TemplateDefinition[] = [
  ...SCHEDULED_EMAIL_KINDS.map(kindTemplateDefinition),
  {
    key: 'mp_letter',
    name: "Supporter's letter to their MP",
    description: 'Drafted from the case to print and sign, or to email',
    recipientKind: 'mp',
    placeholders: LETTER_TEMPLATE_PLACEHOLDERS,
  },
];

export function templateDefinition(key: string): TemplateDefinition | undefined {
  return TEMPLATE_DEFINITIONS.find((d) => d.key === key);
}

/** Every value any template may use. */
export type SampleRenderContext = CaseRenderContext & RenderContextParts & LetterRenderContext;

/** Made-up values for previews, so admins see a realistic email without opening anyone's case. */
export function sampleScope(baseUrl: string): SampleRenderContext {
  const link = (answer: string) => new TrustedLink(`${baseUrl}/api/public/checkin/SAMPLE-TOKEN?answer=${answer}`);
  return {
    supporter: { name: 'Alex Sample', firstName: 'Alex', postcode: 'SW1A 1AA', address: '1 Sample Street, Sampleton' },
    case: { reference: 'CD-1234' },
    mp: { name: 'Sam Member MP', fullTitle: 'Rt Hon Sam Member MP', party: 'Independent', constituency: 'Sampleton' },
    letter: {
      date: '23 November 2026',
      story: 'I was referred urgently in June and waited eleven weeks for my first appointment.',
    },
    asks: [{ text: "Write to the hospital trust's chief executive about my care" }],
    staff: { name: 'Jo Caseworker' },
    contact: { date: '2 November 2026', channel: 'letter', daysAgo: 14 },
    checkin: { yesUrl: link('yes'), acknowledgementUrl: link('acknowledgement'), noUrl: link('no') },
    actions: [
      { description: 'Write to the trust chief executive about the delay', owner: 'MP', dueDate: '1 December 2026' },
      { description: 'Send the MP a summary of the treatment timeline', owner: 'charity', dueDate: null },
    ],
    action: {
      description: 'Write to the trust chief executive about the delay',
      owner: 'the MP',
      dueDate: '1 December 2026',
    },
  };
}
