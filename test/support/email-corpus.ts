import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real-world email corpus in ../shared/data/emails (see its MANIFEST.md). Tests read it in
 * place: it is never copied into the repository.
 */
export const CORPUS_DIR = resolve(__dirname, '../..', process.env.SHARED_DATA_DIR ?? '../shared/data', 'emails');

/**
 * What the machine-generated corpus files are (everything else is a person's request or reply).
 * The unit test of the analyser and the webhook replay both judge the corpus by this one table.
 */
export const CORPUS_MACHINE_CLASSIFICATIONS: Readonly<
  Record<string, 'bounce' | 'auto_reply' | 'read_receipt' | 'spam'>
> = {
  'chatwoot__bounced_with_no_from.eml': 'bounce',
  'chatwoot__non_utf_encoded_mail.eml': 'auto_reply',
  'flanker__disposition-notification.eml': 'read_receipt',
  'flanker__gmail-invalid-address.eml': 'bounce',
  'flanker__mailbox-full.eml': 'bounce',
  'flanker__office365.eml': 'bounce',
  'mailparser__delivery-status.eml': 'bounce',
  'rubymail__bad_date_header.eml': 'auto_reply',
  'rubymail__raw_email_bad_time.eml': 'spam',
  'rubymail__report_422.eml': 'bounce',
  'sisimai__bsd-lhost-gmail-01.eml': 'bounce',
  'sisimai__bsd-lhost-office365-01.eml': 'bounce',
  'sisimai__bsd-lhost-outlook-01.eml': 'bounce',
  'sisimai__bsd-rfc3834-01.eml': 'auto_reply',
  'sisimai__bsd-rfc3834-02.eml': 'auto_reply',
  'sisimai__bsd-rfc3834-04.eml': 'auto_reply',
  'sisimai__dos-lhost-postfix-01.eml': 'bounce',
  'sisimai__mac-rfc3834-01.eml': 'auto_reply',
  spamscope__mail_malformed_2: 'bounce',
  'zammad__mail033-undelivered-mail-returned-to-sender-notification.box': 'bounce',
};

/** Corpus files that are quarantined rather than parsed, with the reason. */
export const CORPUS_QUARANTINED: Readonly<Record<string, string>> = { 'flanker__long-header.eml': 'header_too_large' };

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
