import {
  CHECKIN_ANSWERS,
  type CheckinAnswer,
  type CheckinReplyWhen,
  type MpResponseAddressed,
} from '@campaign-desk/contracts';
import { escapeHtml } from '../templates/template-renderer';

const LABELS: Record<CheckinAnswer, string> = {
  yes: 'Yes, my MP has replied',
  acknowledgement: 'Only an acknowledgement so far',
  no: 'No, nothing yet',
};

const THANKS: Record<CheckinAnswer, string> = {
  yes: 'Thank you. We have noted that your MP replied, and we will not chase their office any further. Your caseworker will be in touch about what happens next.',
  acknowledgement:
    'Thank you. We have noted that your MP has only acknowledged your letter so far; we will keep following it up with their office.',
  no: "Thank you for letting us know. We will follow it up with your MP's office for you.",
};

/** A small page with no script (it works under the API's strict CSP) and nothing personal on it. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>
body { font-family: Arial, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
h1 { font-size: 1.5rem; }
form { margin: 0.75rem 0; }
button { font-size: 1.1rem; width: 100%; padding: 0.9rem; border: 2px solid #5b2a86; background: #fff; color: #5b2a86; border-radius: 6px; cursor: pointer; }
button.chosen { background: #5b2a86; color: #fff; }
fieldset { border: 1px solid #ccc; border-radius: 6px; margin: 1rem 0; padding: 0.5rem 1rem; }
legend { font-weight: bold; }
label { display: block; padding: 0.3rem 0; }
.problem { border-left: 4px solid #b00020; padding-left: 0.75rem; color: #b00020; }
</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

const WHEN_LABELS: [CheckinReplyWhen, string][] = [
  ['this_week', 'This week'],
  ['last_week', 'Last week'],
  ['earlier', 'Earlier (please give the date below)'],
];
const ADDRESSED_LABELS: [MpResponseAddressed, string][] = [
  ['yes', 'Yes'],
  ['partly', 'Partly'],
  ['no', 'No'],
];

/** What the supporter had filled in, to keep it when the page asks again. */
export interface ReplyFormValues {
  when?: unknown;
  date?: unknown;
  addressed?: unknown;
}

function radios(name: string, options: [string, string][], chosen: unknown): string {
  return options
    .map(
      ([value, label]) =>
        `<label><input type="radio" name="${name}" value="${value}"${value === chosen ? ' checked' : ''}${name === 'addressed' ? ' required' : ''}> ${escapeHtml(label)}</label>`,
    )
    .join('\n');
}

/** The "yes" page: when the reply came and whether it dealt with what was asked (no script; a POST of the same link). */
export function replyPage(token: string, values: ReplyFormValues = {}, problem: string | null = null): string {
  const action = `/api/public/checkin/${encodeURIComponent(token)}`;
  const date = typeof values.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? values.date : '';
  return page(
    'Your MP replied: when?',
    `${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>\n` : ''}<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="answer" value="yes">
<fieldset><legend>When did the reply come?</legend>
${radios('when', WHEN_LABELS, values.when)}
<label>The date, if you know it: <input type="date" name="date" value="${date}"></label>
</fieldset>
<fieldset><legend>Did it deal with what you asked?</legend>
${radios('addressed', ADDRESSED_LABELS, values.addressed)}
</fieldset>
<input type="hidden" name="details" value="1">
<button type="submit" class="chosen">Send</button>
</form>
<p>Not replied after all? <a href="${escapeHtml(action)}">Choose another answer</a>.</p>`,
  );
}

/** The question, with one button per answer (a POST, so link scanners that open the email's links change nothing). */
export function questionPage(token: string, chosen: CheckinAnswer | null): string {
  if (chosen === 'yes') return replyPage(token);
  const action = `/api/public/checkin/${encodeURIComponent(token)}`;
  const buttons = CHECKIN_ANSWERS.map(
    (answer) =>
      `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="answer" value="${answer}">` +
      `<button type="submit"${answer === chosen ? ' class="chosen" autofocus' : ''}>${escapeHtml(LABELS[answer])}</button></form>`,
  ).join('\n');
  const lead = chosen ? `<p>Please press your answer to confirm it.</p>` : `<p>Please choose the answer that fits.</p>`;
  return page('Has your MP replied?', `${lead}\n${buttons}`);
}

export function thanksPage(answer: CheckinAnswer): string {
  return page('Thank you', `<p>${escapeHtml(THANKS[answer])}</p>`);
}

export function problemPage(problem: 'invalid' | 'expired' | 'used'): string {
  if (problem === 'used')
    return page(
      'Already answered',
      '<p>This question has already been answered, so there is nothing more to do. Thank you.</p><p>If something has changed, just reply to our email.</p>',
    );
  if (problem === 'expired')
    return page(
      'This link has expired',
      '<p>This link is no longer active. If your MP has replied, please reply to our email and let us know.</p>',
    );
  return page(
    'This link is not valid',
    '<p>This link is incomplete or has been changed. Please use the link in our email exactly as it is, or reply to our email instead.</p>',
  );
}
