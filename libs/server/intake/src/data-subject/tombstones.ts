import { createHash } from 'node:crypto';
import type { TombstoneKind } from '@campaign-desk/contracts';
import { extractMessageId, headerFields } from '../mime/raw-message';

export interface TombstoneKey {
  kind: TombstoneKind;
  hash: Buffer;
}

/** sha256 of the lower-cased, trimmed value: what a tombstone stores instead of an address or a Message-ID. */
export function tombstoneHash(value: string): Buffer {
  return createHash('sha256').update(value.trim().toLowerCase(), 'utf8').digest();
}

/** The addresses of a header block's From and Sender fields, lower-cased. */
export function senderAddresses(headerText: string): string[] {
  const out = new Set<string>();
  for (const [name, value] of headerFields(headerText)) {
    if (name !== 'from' && name !== 'sender') continue;
    const bracketed = [...value.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map((m) => m[1]);
    const bare = bracketed.length ? [] : value.split(/[\s,;]+/).filter((t) => /^[^@\s]+@[^@\s]+$/.test(t));
    for (const address of [...bracketed, ...bare]) out.add(address.replace(/^["']|["']$/g, '').toLowerCase());
  }
  return [...out];
}

/** The keys a message arriving now would match if it belongs to an erased supporter. */
export function tombstoneKeysOf(headerText: string, digest: Buffer): TombstoneKey[] {
  const keys: TombstoneKey[] = [{ kind: 'raw_sha256', hash: digest }];
  const messageId = extractMessageId(headerText);
  if (messageId) keys.push({ kind: 'message_id', hash: tombstoneHash(messageId) });
  for (const address of senderAddresses(headerText)) keys.push({ kind: 'sender', hash: tombstoneHash(address) });
  return keys;
}
