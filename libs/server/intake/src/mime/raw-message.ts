import { createHash } from 'node:crypto';

const CR = 0x0d;
const LF = 0x0a;

/**
 * Turns every bare CR into LF (CRLF and LF stay). A classic-Mac file with CR-only line
 * endings otherwise parses to an empty subject and body. Returns the input when it has no bare CR.
 */
export function normaliseLineEndings(raw: Uint8Array): Uint8Array {
  let bare = -1;
  for (let i = raw.indexOf(CR); i !== -1; i = raw.indexOf(CR, i + 1)) {
    if (raw[i + 1] !== LF) {
      bare = i;
      break;
    }
  }
  if (bare === -1) return raw;
  const out = new Uint8Array(raw.length);
  out.set(raw.subarray(0, bare));
  for (let i = bare; i < raw.length; i++) {
    const byte = raw[i];
    out[i] = byte === CR && raw[i + 1] !== LF ? LF : byte;
  }
  return out;
}

export interface HeaderBlock {
  /** The header block as latin1 text with LF line endings (bounded by the scan limit). */
  text: string;
  /** Length of the header block in bytes, or null when no blank line was found within the limit. */
  size: number | null;
}

/**
 * Finds the header block without parsing the message: reads at most `limit` bytes.
 * A message with no blank line at all is all header (size = its length, when within the limit).
 */
export function readHeaderBlock(raw: Uint8Array, limit: number): HeaderBlock {
  const scanned = raw.subarray(0, Math.min(raw.length, limit + 4));
  const text = Buffer.from(scanned.buffer, scanned.byteOffset, scanned.byteLength)
    .toString('latin1')
    .replace(/\r\n?/g, '\n');
  const end = text.indexOf('\n\n');
  if (end !== -1 && end <= limit) return { text: text.slice(0, end + 1), size: end + 1 };
  if (end === -1 && raw.length <= limit) return { text, size: raw.length };
  return { text: end === -1 ? text : text.slice(0, end + 1), size: null };
}

/** Unfolded header lines as [lowercased name, value] pairs, in order. */
export function headerFields(headerText: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const line of headerText.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    fields.push([name, line.slice(colon + 1).trim()]);
  }
  return fields;
}

const MAX_ID_LENGTH = 995;

function hasControlOrSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Message-IDs in a header value: `<a@b> <c@d>`, or bare tokens containing `@` when there are no brackets. */
export function parseMessageIds(value: string | undefined | null): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  const ids = bracketed.length ? bracketed : value.split(/[\s,]+/).filter((t) => t.includes('@'));
  return ids
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && id.length <= MAX_ID_LENGTH && !hasControlOrSpace(id));
}

/** The first usable Message-ID of a header block, without the angle brackets. */
export function extractMessageId(headerText: string): string | null {
  for (const [name, value] of headerFields(headerText)) {
    if (name === 'message-id') return parseMessageIds(value)[0] ?? null;
  }
  return null;
}

export function sha256(raw: Uint8Array): Buffer {
  return createHash('sha256').update(raw).digest();
}

/**
 * The identity intake deduplicates on: the Message-ID when there is one, otherwise the
 * sha256 of the exact bytes. The same message arriving by any channel has the same key.
 */
export function dedupeKey(messageId: string | null, digest: Buffer): string {
  return messageId ? `mid:${messageId}` : `sha256:${digest.toString('hex')}`;
}

/** Counts lines that open a MIME part header (bounded work: one regex pass over latin1 text). */
export function countPartHeaders(raw: Uint8Array): number {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  let count = 0;
  for (const _ of text.matchAll(/^content-type[ \t]*:/gim)) count++;
  return count;
}
