import type { MessageDetail, MessageSuggestions, Priority, Topic } from '@campaign-desk/contracts';
import type { NewCaseInput, NewSupporterInput } from './triageApi';

/** The create-case dialog's values, started from the message and the server's suggestions. */
export interface CaseForm {
  /** True to use the supporter matched by sender email; false to create a new one. */
  useExisting: boolean;
  existingSupporterId: string | null;
  newSupporter: NewSupporterInput;
  topics: Topic[];
  priority: Priority;
  trust: string;
  summary: string;
}

/** The summary the server accepts at most (CreateCaseDto.summary). */
export const SUMMARY_MAX = 50_000;

export function initialCaseForm(message: MessageDetail, suggestions: MessageSuggestions): CaseForm {
  const { supporter } = suggestions;
  const existing = supporter.match === 'existing';
  return {
    useExisting: existing,
    existingSupporterId: existing ? supporter.supporterId : null,
    newSupporter: {
      name: existing ? (message.fromName ?? '') : supporter.name,
      email: (existing ? message.fromAddress : supporter.email) ?? '',
      postcode: suggestions.postcodes.find((p) => p.found)?.postcode ?? suggestions.postcodes[0]?.postcode ?? '',
    },
    topics: suggestions.topics,
    priority: suggestions.priority,
    trust: suggestions.trusts[0] ?? '',
    summary: (message.text ?? '').trim().slice(0, SUMMARY_MAX),
  };
}

/** The `POST /api/cases` body; empty optional text is left out rather than sent blank. */
export function toCasePayload(form: CaseForm, supporterId: string, messageId: string): NewCaseInput {
  const trust = form.trust.trim();
  const summary = form.summary.trim();
  return {
    supporterId,
    topics: form.topics,
    priority: form.priority,
    messageId,
    ...(trust ? { trust } : {}),
    ...(summary ? { summary } : {}),
  };
}

export function toSupporterPayload(form: CaseForm): NewSupporterInput {
  return {
    name: form.newSupporter.name.trim(),
    email: form.newSupporter.email.trim(),
    postcode: form.newSupporter.postcode.trim(),
  };
}
