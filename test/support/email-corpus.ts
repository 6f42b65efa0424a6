import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real-world email corpus in ../shared/data/emails (see its MANIFEST.md). Tests read it in
 * place: it is never copied into the repository.
 */
export const CORPUS_DIR = resolve(__dirname, '../..', process.env.SHARED_DATA_DIR ?? '../shared/data', 'emails');

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name !== 'MANIFEST.md')
    .sort();
}

export function corpusMessage(name: string): Buffer {
  return readFileSync(join(CORPUS_DIR, name));
}

/** Gives a corpus message a fresh Message-ID (or adds one), so it can be replayed as a new message. */
export function withMessageId(raw: Buffer, messageId: string): Buffer {
  const text = raw.toString('latin1');
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
  const replaced = text.replace(/^Message-ID:[^\r\n]*(\r?\n[ \t][^\r\n]*)*/im, `Message-ID: <${messageId}>`);
  return Buffer.from(replaced === text ? `Message-ID: <${messageId}>${eol}${text}` : replaced, 'latin1');
}
