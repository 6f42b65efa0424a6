/**
 * Recognises machine-generated mail from its headers and structure: bounces, read receipts,
 * auto-replies and flagged spam. Whatever this returns never opens a case. `null` means a
 * person wrote it; threading then decides between request and reply.
 */
export type MachineClassification = 'bounce' | 'read_receipt' | 'auto_reply' | 'spam';

export interface ClassificationInput {
  /** Lowercased header name → values, top-level headers only. */
  headers: Map<string, string[]>;
  subject: string;
  fromAddress: string | null;
  fromName: string | null;
  /** Lowercased MIME types of every non-multipart part postal-mime surfaced as an attachment. */
  partTypes: string[];
  /** Decoded text body (for the plain-text DSN styles). */
  text: string;
}

export interface ClassificationResult {
  classification: MachineClassification | null;
  /** Which rule matched, for the record (no personal data). */
  rule: string | null;
}

const DAEMON_LOCAL_PART = /^(mailer-daemon|mail-daemon|mailerdaemon|postmaster|mail\.delivery\.system)$/i;
const DAEMON_NAME = /^(mail delivery (system|subsystem|service)|mail administrator|mailer-daemon|postmaster)$/i;
const DSN_SUBJECT =
  /(undeliver(able|ed)|delivery (status notification|failure|failed|has failed|problem|report)|returned mail|mail delivery failed|failure notice|could not send message|non[- ]?delivery|message not delivered|mail system error|delivery incomplete)/i;
const DSN_BODY =
  /(could not be delivered|delivery (to the following recipients? )?(has )?failed|permanent (fatal )?error|message (was )?not delivered|the following addresses? had permanent|delivery has failed|undeliverable|user unknown|mailbox (is )?(full|unavailable)|address (was )?not found|550[ -]5\.\d\.\d)/i;
// Anchored at the start of the subject: a supporter may well write "cancelled surgery while on leave".
const OUT_OF_OFFICE_SUBJECT = new RegExp(
  '^\\s*(' +
    [
      String.raw`auto(matic|matische|matique|matisch)?[ -]?(reply|response|responder|antwort|r[ée]ponse|respuesta|risposta|antwoord)`,
      String.raw`out of (the )?office\b(?![ -]hours)`,
      String.raw`r[ée]ponse automatique|respuesta autom[aá]tica|risposta automatica|automatische antwort`,
      String.raw`ooo\b`,
      String.raw`away (until|till|from)\b`,
      String.raw`away from (the |my )?(office|desk)`,
      String.raw`on (annual |parental |maternity |paternity |sick )?leave\b`,
      String.raw`(vacation|holiday) (reply|message|notice|auto)`,
      String.raw`i am (currently )?(out of (the )?office|away from|on (annual )?leave)`,
      String.raw`abwesenheit(snotiz)?\b`,
      String.raw`absen(ce|t) du bureau`,
      String.raw`fuera de la oficina`,
      String.raw`fuori ufficio`,
      String.raw`afwezig`,
    ].join('|') +
    ')',
  'i',
);

function first(headers: Map<string, string[]>, name: string): string | null {
  return headers.get(name)?.[0]?.trim() ?? null;
}

function headerToken(value: string | null): string | null {
  if (value === null) return null;
  return value
    .split(/[;(\s]/)[0]
    .trim()
    .toLowerCase();
}

function contentType(headers: Map<string, string[]>): { type: string; reportType: string | null } {
  const value = first(headers, 'content-type') ?? '';
  const type = headerToken(value) ?? '';
  const report = /report-type\s*=\s*"?([\w-]+)"?/i.exec(value);
  return { type, reportType: report ? report[1].toLowerCase() : null };
}

function isBounce(input: ClassificationInput, ct: { type: string; reportType: string | null }): string | null {
  if (ct.type === 'multipart/report' && ct.reportType === 'delivery-status') return 'multipart_report_delivery_status';
  if (input.partTypes.includes('message/delivery-status')) return 'delivery_status_part';
  const local = input.fromAddress?.split('@')[0] ?? '';
  if (DAEMON_LOCAL_PART.test(local)) return 'daemon_sender';
  const returnPath = first(input.headers, 'return-path');
  const nullSender = returnPath !== null && /^<\s*>$/.test(returnPath);
  if (!input.fromAddress && DAEMON_NAME.test(input.fromName?.trim() ?? '')) return 'daemon_sender_name';
  if (DSN_SUBJECT.test(input.subject) && (nullSender || DSN_BODY.test(input.text.slice(0, 20_000))))
    return 'dsn_subject_and_body';
  return null;
}

function isReadReceipt(input: ClassificationInput, ct: { type: string; reportType: string | null }): string | null {
  if (ct.type === 'multipart/report' && ct.reportType === 'disposition-notification')
    return 'multipart_report_disposition';
  if (input.partTypes.includes('message/disposition-notification')) return 'disposition_notification_part';
  return null;
}

function isSpam(headers: Map<string, string[]>): string | null {
  if (headerToken(first(headers, 'x-spam-flag')) === 'yes') return 'x_spam_flag';
  if (/^yes\b/i.test(first(headers, 'x-spam-status') ?? '')) return 'x_spam_status';
  if (headerToken(first(headers, 'x-spam')) === 'yes') return 'x_spam';
  return null;
}

function isAutoReply(input: ClassificationInput): string | null {
  const autoSubmitted = headerToken(first(input.headers, 'auto-submitted'));
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autogenerated', 'x-autoresponse']) {
    const value = headerToken(first(input.headers, name));
    if (value !== null && !['no', 'false', '0'].includes(value)) return name.replace(/-/g, '_');
  }
  const precedence = headerToken(first(input.headers, 'precedence'));
  if (precedence && ['bulk', 'auto_reply', 'list', 'junk'].includes(precedence)) return 'precedence';
  if (OUT_OF_OFFICE_SUBJECT.test(input.subject)) return 'out_of_office_subject';
  return null;
}

export function classifyMachineMail(input: ClassificationInput): ClassificationResult {
  const ct = contentType(input.headers);
  const checks: [MachineClassification, () => string | null][] = [
    ['read_receipt', () => isReadReceipt(input, ct)],
    ['bounce', () => isBounce(input, ct)],
    ['spam', () => isSpam(input.headers)],
    ['auto_reply', () => isAutoReply(input)],
  ];
  for (const [classification, check] of checks) {
    const rule = check();
    if (rule) return { classification, rule };
  }
  return { classification: null, rule: null };
}

/** A delivery delay warning is a bounce-class message that must not mark the original as bounced. */
export function isDelayNotice(subject: string, reportText: string): boolean {
  const actions = [...reportText.matchAll(/^\s*Action\s*:\s*([\w-]+)/gim)].map((m) => m[1].toLowerCase());
  if (actions.length) return actions.every((a) => a === 'delayed');
  return /\(delay\)|delayed|could not send message for past|warning: message .* still undelivered/i.test(subject);
}
