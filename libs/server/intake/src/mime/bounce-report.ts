import { isDelayNotice } from './classify';
import { headerFields, parseMessageIds, readHeaderBlock } from './raw-message';

export interface BounceReport {
  /** `delayed` is a warning (the sender's server is still trying): the original is not marked bounced. */
  kind: 'failed' | 'delayed';
  /**
   * A hard bounce: the report gives a permanent (5.x.x) status, or no status at all. A failure with
   * only transient (4.x.x) statuses (mailbox full, greylisted) is soft: the address is not to blame.
   */
  permanent: boolean;
  /** Message-IDs of the message(s) that bounced, found in the returned headers or the DSN text. */
  originalMessageIds: string[];
}

export interface BounceEvidence {
  subject: string;
  text: string;
  ownMessageId: string | null;
  inReplyTo: string[];
  references: string[];
  parts: { mimeType: string; content: Uint8Array }[];
}

const RETURNED_HEADER_TYPES = [
  'message/rfc822',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global',
  'message/global-headers',
];
const STATUS_TYPES = ['message/delivery-status', 'message/global-delivery-status'];
const MAX_SCAN = 256 * 1024;
const MAX_IDS = 20;

function latin1(bytes: Uint8Array): string {
  const slice = bytes.subarray(0, MAX_SCAN);
  return Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength).toString('latin1');
}

/** Finds what a delivery report is about. Only called for messages classified as bounces. */
export function readBounceReport(evidence: BounceEvidence): BounceReport {
  const ids: string[] = [];
  const statusTexts: string[] = [];
  for (const part of evidence.parts) {
    const type = part.mimeType.toLowerCase();
    if (RETURNED_HEADER_TYPES.includes(type)) {
      const block = readHeaderBlock(part.content, MAX_SCAN);
      for (const [name, value] of headerFields(block.text))
        if (name === 'message-id') ids.push(...parseMessageIds(value));
    } else if (STATUS_TYPES.includes(type)) {
      statusTexts.push(latin1(part.content));
    }
  }
  // Plain-text DSNs (Gmail, MailSite, some Exchange) quote the original headers in the body.
  for (const m of evidence.text.slice(0, MAX_SCAN).matchAll(/^[ \t>]*Message-ID:[ \t]*<([^<>\s]+)>/gim)) ids.push(m[1]);
  ids.push(...evidence.inReplyTo, ...evidence.references);
  const unique = [...new Set(ids)].filter((id) => id !== evidence.ownMessageId).slice(0, MAX_IDS);
  const reportText = statusTexts.join('\n') || evidence.text.slice(0, 20_000);
  const kind = isDelayNotice(evidence.subject, reportText) ? 'delayed' : 'failed';
  return { kind, permanent: kind === 'failed' && isPermanent(reportText), originalMessageIds: unique };
}

/** Status fields (RFC 3464) first; else the enhanced codes a plain-text report quotes; no code at all counts as permanent. */
export function isPermanent(reportText: string): boolean {
  const statuses = [...reportText.matchAll(/^\s*Status\s*:\s*([245]\.\d{1,3}\.\d{1,3})/gim)].map((m) => m[1]);
  const codes = statuses.length ? statuses : [...reportText.matchAll(/\b([45]\.\d{1,3}\.\d{1,3})\b/g)].map((m) => m[1]);
  // X.2.2 is a full mailbox: RFC 3463 calls it a persistent transient failure, so the address is not dead.
  return !codes.length || codes.some((code) => code.startsWith('5.') && !code.endsWith('.2.2'));
}
