import type { TemplatePlaceholder } from '@campaign-desk/contracts';
import type {
  CaseRenderContext,
  LetterRenderContext,
  PlaceholderDescriptions,
  RenderContextPart,
  RenderContextParts,
} from './render-context';

/** What every template may use. Values come from the case when the email is rendered. */
const CASE_PLACEHOLDERS: PlaceholderDescriptions<CaseRenderContext> = {
  'supporter.name': "The supporter's full name",
  'supporter.firstName': "The supporter's first name",
  'supporter.postcode': "The supporter's postcode",
  'case.reference': 'The case reference, e.g. CD-1234',
  'mp.name': "The MP's name",
  'mp.party': "The MP's party",
  'mp.constituency': "The MP's constituency",
  'staff.name': 'The staff member sending it (or the case assignee for automated emails)',
};

const PART_PLACEHOLDERS: { [P in RenderContextPart]: PlaceholderDescriptions<Pick<RenderContextParts, P>> } = {
  contact: {
    'contact.date': 'When the MP was contacted, e.g. 23 November 2026',
    'contact.channel': 'How the MP was contacted (letter, email…)',
    'contact.daysAgo': 'Days since the MP was contacted',
  },
  checkin: {
    'checkin.yesUrl': 'One-click link: my MP has replied',
    'checkin.acknowledgementUrl': 'One-click link: only an acknowledgement so far',
    'checkin.noUrl': 'One-click link: no reply yet',
  },
  actions: {
    actions: 'The agreed actions: repeat with {{#actions}}…{{/actions}}',
    'actions.description': 'What was agreed',
    'actions.owner': 'Who does it (MP, trust, charity, supporter)',
    'actions.dueDate': 'When it is due, if it has a date',
  },
  action: {
    'action.description': 'The agreed action being chased',
    'action.owner': 'Who agreed to do it',
    'action.dueDate': 'When it was due',
  },
};

const LETTER_PLACEHOLDERS: PlaceholderDescriptions<LetterRenderContext> = {
  'supporter.address': "The supporter's postal address",
  'mp.fullTitle': "The MP's full title, e.g. Rt Hon Sam Member MP",
  'letter.date': 'The date the letter is drafted, e.g. 23 November 2026',
  'letter.story': "The supporter's story in their own words",
  asks: 'What the supporter asks the MP to do: repeat with {{#asks}}…{{/asks}}',
  'asks.text': 'One request, as a sentence',
};

const listed = (descriptions: Record<string, string>): TemplatePlaceholder[] =>
  Object.entries(descriptions).map(([name, description]) => ({ name, description }));

/** The placeholders of a template whose context is the case's values and these parts. */
export function placeholdersOfParts(parts: readonly RenderContextPart[]): TemplatePlaceholder[] {
  return [CASE_PLACEHOLDERS, ...parts.map((part) => PART_PLACEHOLDERS[part])].flatMap(listed);
}

/** The placeholders of the supporter's letter to their MP. */
export const LETTER_TEMPLATE_PLACEHOLDERS: TemplatePlaceholder[] = [CASE_PLACEHOLDERS, LETTER_PLACEHOLDERS].flatMap(
  listed,
);
