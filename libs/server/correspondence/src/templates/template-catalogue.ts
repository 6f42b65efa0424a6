import type { RecipientKind, ScheduledEmailKind, TemplatePlaceholder } from '@campaign-desk/contracts';
import { TrustedLink, type TemplateScope } from './template-renderer';

/** What every template may use. Values come from the case when the email is rendered. */
const COMMON: TemplatePlaceholder[] = [
  { name: 'supporter.name', description: "The supporter's full name" },
  { name: 'supporter.firstName', description: "The supporter's first name" },
  { name: 'supporter.postcode', description: "The supporter's postcode" },
  { name: 'case.reference', description: 'The case reference, e.g. CD-1234' },
  { name: 'mp.name', description: "The MP's name" },
  { name: 'mp.party', description: "The MP's party" },
  { name: 'mp.constituency', description: "The MP's constituency" },
  { name: 'staff.name', description: 'The staff member sending it (or the case assignee for automated emails)' },
];
const CONTACT: TemplatePlaceholder[] = [
  { name: 'contact.date', description: 'When the MP was contacted, e.g. 23 November 2026' },
  { name: 'contact.channel', description: 'How the MP was contacted (letter, email…)' },
  { name: 'contact.daysAgo', description: 'Days since the MP was contacted' },
];
const CHECKIN: TemplatePlaceholder[] = [
  { name: 'checkin.yesUrl', description: 'One-click link: my MP has replied' },
  { name: 'checkin.acknowledgementUrl', description: 'One-click link: only an acknowledgement so far' },
  { name: 'checkin.noUrl', description: 'One-click link: no reply yet' },
];
const ACTIONS: TemplatePlaceholder[] = [
  { name: 'actions', description: 'The agreed actions: repeat with {{#actions}}…{{/actions}}' },
  { name: 'actions.description', description: 'What was agreed' },
  { name: 'actions.owner', description: 'Who does it (MP, trust, charity, supporter)' },
  { name: 'actions.dueDate', description: 'When it is due, if it has a date' },
];
const ACTION: TemplatePlaceholder[] = [
  { name: 'action.description', description: 'The agreed action being chased' },
  { name: 'action.owner', description: 'Who agreed to do it' },
  { name: 'action.dueDate', description: 'When it was due' },
];

const LETTER: TemplatePlaceholder[] = [
  { name: 'supporter.address', description: "The supporter's postal address" },
  { name: 'mp.fullTitle', description: "The MP's full title, e.g. Rt Hon Sam Member MP" },
  { name: 'letter.date', description: 'The date the letter is drafted, e.g. 23 November 2026' },
  { name: 'letter.story', description: "The supporter's story in their own words" },
  { name: 'asks', description: 'What the supporter asks the MP to do: repeat with {{#asks}}…{{/asks}}' },
  { name: 'asks.text', description: 'One request, as a sentence' },
];

export interface TemplateDefinition {
  /** An email kind, or `mp_letter`: the supporter's letter to their MP (engagement drafts it, staff print or email it). */
  key: ScheduledEmailKind | 'mp_letter';
  name: string;
  description: string;
  recipientKind: RecipientKind;
  placeholders: TemplatePlaceholder[];
}

/** One template per kind of email; the texts live in the database (seeded by the migration, versioned by edits). */
export const TEMPLATE_DEFINITIONS: readonly TemplateDefinition[] = [
  {
    key: 'reply',
    name: 'Reply to the supporter',
    description: 'Starting point for a reply written from the case',
    recipientKind: 'supporter',
    placeholders: COMMON,
  },
  {
    key: 'supporter_checkin',
    name: 'Supporter check-in',
    description: '"Has your MP replied?" with one-click answers, sent after the MP was contacted',
    recipientKind: 'supporter',
    placeholders: [...COMMON, ...CONTACT, ...CHECKIN],
  },
  {
    key: 'checkin_reminder',
    name: 'Check-in reminder',
    description: 'Sent once if the supporter has not answered the check-in',
    recipientKind: 'supporter',
    placeholders: [...COMMON, ...CONTACT, ...CHECKIN],
  },
  {
    key: 'mp_chase',
    name: "Chase to the MP's office",
    description: 'Sent when the MP has not responded',
    recipientKind: 'mp',
    placeholders: [...COMMON, ...CONTACT],
  },
  {
    key: 'meeting_thank_you',
    name: 'Meeting thank-you',
    description: 'Drafted the working day after a meeting, listing the agreed actions',
    recipientKind: 'mp',
    placeholders: [...COMMON, ...ACTIONS],
  },
  {
    key: 'action_chase',
    name: 'Agreed action chase',
    description: 'Sent when an agreed action falls due',
    recipientKind: 'mp',
    placeholders: [...COMMON, ...ACTION],
  },
  {
    key: 'mp_email',
    name: "Email to the MP's office",
    description: 'Starting point for an email to the MP written from the case',
    recipientKind: 'mp',
    placeholders: [...COMMON, ...CONTACT],
  },
  {
    key: 'mp_letter',
    name: "Supporter's letter to their MP",
    description: 'Drafted from the case to print and sign, or to email',
    recipientKind: 'mp',
    placeholders: [...COMMON, ...LETTER],
  },
];

export function templateDefinition(key: string): TemplateDefinition | undefined {
  return TEMPLATE_DEFINITIONS.find((d) => d.key === key);
}

/** Made-up values for previews, so admins see a realistic email without opening anyone's case. */
export function sampleScope(baseUrl: string): TemplateScope {
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
