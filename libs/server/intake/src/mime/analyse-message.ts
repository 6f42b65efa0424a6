import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import type { QuarantineReason } from '@campaign-desk/contracts';
import { readBounceReport, type BounceReport } from './bounce-report';
import { classifyMachineMail, type MachineClassification } from './classify';
import { sniffContentType } from './content-type-sniffer';
import { splitQuotedText } from './quote-splitter';
import { countPartHeaders, normaliseLineEndings, parseMessageIds, readHeaderBlock } from './raw-message';
import { htmlNestingDepth, htmlToText, MAX_HTML_DEPTH, sanitiseEmailHtml, stripTags } from './sanitise-html';

/**
 * Everything that can be learnt from the bytes alone, with no database: runs inside the parse
 * thread (see parse-thread-pool.ts), so a pathological message costs a thread, not the worker.
 * Type-only imports from other libs: this file is loaded by a worker thread without path aliases.
 */
export interface AnalysisLimits {
  maxHeaderBytes: number;
  maxParts: number;
}

export interface AnalysedAddress {
  name: string;
  address: string;
}

export interface AnalysedAttachment {
  filename: string | null;
  declaredType: string;
  contentType: string;
  disposition: string | null;
  contentId: string | null;
  inline: boolean;
  content: Uint8Array;
}

export interface AnalysedMessage {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  subject: string;
  sentAt: string | null;
  from: AnalysedAddress | null;
  to: AnalysedAddress[];
  cc: AnalysedAddress[];
  text: string;
  quotedText: string;
  html: string | null;
  hasRemoteImages: boolean;
  snippet: string;
  attachments: AnalysedAttachment[];
  machineClassification: MachineClassification | null;
  classificationRule: string | null;
  bounce: BounceReport | null;
  /** `[CD-123]` in the subject, as `CD-123`. */
  caseReference: string | null;
  warnings: string[];
}

export type AnalysisOutcome =
  { ok: true; message: AnalysedMessage } | { ok: false; reason: QuarantineReason; detail: string };

const MAX_SUBJECT = 998;
const MAX_NAME = 300;
const MAX_ADDRESSES = 100;
const SNIPPET_LENGTH = 200;

function reject(reason: QuarantineReason, detail: string): AnalysisOutcome {
  return { ok: false, reason, detail: detail.slice(0, 500) };
}

function mailboxes(value: Address | Address[] | undefined): AnalysedAddress[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: AnalysedAddress[] = [];
  for (const entry of list) {
    for (const box of entry.group ?? [entry]) {
      const address = (box.address ?? '').trim();
      const name = (box.name ?? '').trim().slice(0, MAX_NAME);
      if (address || name) out.push({ name, address: address.slice(0, 320) });
    }
  }
  return out.slice(0, MAX_ADDRESSES);
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function headerMap(email: Email): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const h of email.headers) map.set(h.key, [...(map.get(h.key) ?? []), h.value]);
  return map;
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Postgres text and jsonb refuse NUL characters and lone surrogates: drop and replace them. */
export function storable(value: string): string {
  return value
    .replaceAll(String.fromCharCode(0), '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function storableDeep<T>(value: T): T {
  if (typeof value === 'string') return storable(value) as T;
  if (Array.isArray(value)) return value.map(storableDeep) as T;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storableDeep(v)])) as T;
  }
  return value;
}

export function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}

async function parse(bytes: Uint8Array, limits: AnalysisLimits): Promise<Email | AnalysisOutcome> {
  try {
    return await PostalMime.parse(bytes, {
      maxNestingDepth: 50,
      maxHeadersSize: limits.maxHeaderBytes * 4,
      maxRfc822NestingDepth: 3,
      attachmentEncoding: 'arraybuffer',
    });
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    if (/header/i.test(message) && /size|limit|large/i.test(message)) return reject('header_too_large', message);
    if (/nest|depth/i.test(message)) return reject('too_many_parts', message);
    return reject('parse_error', message);
  }
}

export async function analyseMessage(raw: Uint8Array, limits: AnalysisLimits): Promise<AnalysisOutcome> {
  const bytes = normaliseLineEndings(raw);
  const warnings: string[] = bytes === raw ? [] : ['bare_cr_line_endings'];
  const header = readHeaderBlock(bytes, limits.maxHeaderBytes);
  if (header.size === null)
    return reject('header_too_large', `header block is larger than ${limits.maxHeaderBytes} bytes`);
  const partHeaders = countPartHeaders(bytes);
  if (partHeaders > limits.maxParts)
    return reject('too_many_parts', `${partHeaders} MIME part headers (limit ${limits.maxParts})`);

  const parsed = await parse(bytes, limits);
  if ('ok' in parsed) return parsed;
  const email = parsed;
  if (email.attachments.length > limits.maxParts)
    return reject('too_many_parts', `${email.attachments.length} attachments (limit ${limits.maxParts})`);

  const headers = headerMap(email);
  const subject = (email.subject ?? '')
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, MAX_SUBJECT);
  let html = email.html?.trim() ? email.html : null;
  let text = email.text ?? '';
  if (html && htmlNestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    // Pathologically nested: parsing it would take minutes. Keep its text; show no HTML.
    warnings.push('html_too_deeply_nested');
    if (!text.trim()) text = stripTags(html);
    html = null;
  }
  if (!text.trim() && html) text = htmlToText(html);
  const split = splitQuotedText(text);
  const sanitised = html ? sanitiseEmailHtml(html) : null;
  const from = mailboxes(email.from)[0] ?? null;
  const attachments: AnalysedAttachment[] = email.attachments.map((a) => {
    const content = toBytes(a.content);
    return {
      filename: a.filename?.slice(0, 255) ?? null,
      declaredType: (a.mimeType || 'application/octet-stream').toLowerCase().slice(0, 255),
      contentType: sniffContentType(content, a.mimeType),
      disposition: a.disposition ?? null,
      contentId: a.contentId?.slice(0, 255) ?? null,
      inline: a.disposition === 'inline' || a.related === true,
      content,
    };
  });
  if (!subject && !text.trim() && !attachments.length) {
    return reject('no_content', 'no subject, no text and no attachments after parsing');
  }
  if (!text.trim() && !html && !attachments.length && bytes.length - header.size > 16)
    warnings.push('body_not_decoded');

  const inReplyTo = parseMessageIds(headers.get('in-reply-to')?.[0]);
  const references = parseMessageIds(headers.get('references')?.join(' ')).slice(-100);
  const messageId = parseMessageIds(headers.get('message-id')?.[0])[0] ?? null;
  const machine = classifyMachineMail({
    headers,
    subject,
    fromAddress: from?.address || null,
    fromName: from?.name || null,
    partTypes: attachments.map((a) => a.declaredType),
    text,
  });
  const bounce =
    machine.classification === 'bounce'
      ? readBounceReport({
          subject,
          text,
          ownMessageId: messageId,
          inReplyTo,
          references,
          parts: attachments.map((a) => ({ mimeType: a.declaredType, content: a.content })),
        })
      : null;
  const reference = /\[CD-(\d{1,9})\]/i.exec(subject);

  return {
    ok: true,
    message: storableDeep<AnalysedMessage>({
      messageId,
      inReplyTo,
      references,
      subject,
      sentAt: isoDate(email.date),
      from: from && (from.address || from.name) ? from : null,
      to: mailboxes(email.to),
      cc: mailboxes(email.cc),
      text: split.fresh,
      quotedText: split.quoted,
      html: sanitised?.html ?? null,
      hasRemoteImages: sanitised?.hasRemoteImages ?? false,
      snippet: snippetOf(split.fresh || text),
      attachments,
      machineClassification: machine.classification,
      classificationRule: machine.rule,
      bounce,
      caseReference: reference ? `CD-${Number(reference[1])}` : null,
      warnings,
    }),
  };
}
